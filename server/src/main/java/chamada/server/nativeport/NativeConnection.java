package chamada.server.nativeport;

import chamada.application.Application;
import chamada.application.BackupCopy;
import chamada.application.Session;
import chamada.application.Transfer;
import chamada.application.UploadStart;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.HumanCount;
import chamada.net.Watchdog;
import chamada.protocol.Request;
import chamada.protocol.RequestDecoder;
import chamada.protocol.Response;
import chamada.protocol.ResponseEncoder;
import chamada.protocol.Wire;
import chamada.rollcall.ClassId;
import chamada.rollcall.RollCallEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedNioFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One client of the native protocol, on its event loop: frames the bytes it sends into request
 * lines, asks the application, and writes each reply, until the client quits, hangs up, idles
 * past the timeout, breaks a limit, or the server stops.
 *
 * <p>Threads: everything here runs on the connection's event loop, but for two things. The
 * reply of a request the store answers later is completed on the store's thread, which only
 * leaves it in {@link #pending} and hands the connection to {@link LoopReplies}; and the
 * server's watchdog thread reads the volatile times to see whether a limit has passed, and then
 * asks the loop to act on it.
 *
 * <p>Design note. A connection has at most one request in flight, the next line waiting in its
 * buffer until the reply is written, as when each connection had its own thread: a client
 * that pipelines gets its replies in order and each request sees the effects of those before
 * it, and a reply that ends the connection ({@code quit}, or an error that closes) leaves no
 * later request carried out unanswered. The throughput comes from many connections, whose
 * requests the store groups into one fsync. While a line waits, or the client does not read
 * its replies, the connection stops reading: what a client can make the server hold is one
 * read's worth of bytes and one socket buffer of replies. A connection that watches a class
 * ({@link WatchedEvents}) is also sent its events, between replies, as far as it reads them;
 * what it can make the server hold then is a bounded queue of events.
 */
final class NativeConnection extends ChannelInboundHandlerAdapter implements Watchdog.Watched {

    private static final Logger log = LoggerFactory.getLogger(NativeConnection.class);
    private static final long NEVER = Long.MIN_VALUE;
    /** Room first given to a reply: most are under it, a longer one (an export) grows its buffer. */
    private static final int REPLY_BYTES = 256;
    /**
     * Lines answered in one pass before the loop turns to its other connections: a client that
     * pipelines thousands of requests answered at once ({@code help}) must not hold up the rest.
     */
    static final int LINES_PER_PASS = 64;
    /** A download's chunk under TLS: four TLS records' worth, read from the file at a time. */
    private static final int TLS_CHUNK_BYTES = 64 * 1024;
    private static final byte[] KEEP_ALIVE = ("{\"" + Wire.EVENT + "\":\"keepalive\"}\n").getBytes(StandardCharsets.UTF_8);

    private final long id;
    private final Session session;
    private final Application application;
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;
    private final LineFramer framer;
    private final int maxLineBytes;
    private final long idleNanos;
    private final LoopReplies replies;
    private final Watchdog watchdog;
    private ChannelHandlerContext ctx;
    private Watchdog.Registration watchdogEntry;
    private final ReceivedBytes received = new ReceivedBytes();
    /** The classes this connection watches, once a {@code watch} is answered; their events go out between replies. */
    private WatchedEvents watched;
    /** Whether the client watches a class: then a silence is no idle timeout. */
    private volatile boolean watching;
    /** When the watch was last checked and the watcher sent a keep-alive. */
    private volatile long watchCheckedAt;
    /** The upload whose bytes are being received, between its go-ahead and its last byte. */
    private UploadStream receiving;
    private boolean spoke;
    private boolean busy;
    private boolean ending;
    private boolean stopping;
    /** The client has shut its output: the whole lines it sent are answered, then the connection ends. */
    private boolean inputShut;
    /** Lines are left for a later pass of the loop, so that other connections get their turn. */
    private boolean yielded;
    private boolean unflushed;
    /** The reply of the request in flight, left by whichever thread completed it. */
    private volatile Response pending;
    /** Since when the client has been waited for (no request in flight); {@link #NEVER} while one is. */
    private volatile long waitingSince = NEVER;
    /** When the first byte of a line not yet finished arrived. */
    private volatile long lineSince = NEVER;
    /** When a download last made progress; {@link #NEVER} while none is under way. */
    private volatile long transferSince = NEVER;
    /** Since when the client has not been reading its replies. */
    private volatile long unreadSince = NEVER;
    /** Whether a broken limit was handed to the loop already. */
    private volatile boolean limitReported;

    NativeConnection(long id, Session session, Application application, RequestDecoder decoder, ResponseEncoder encoder,
                     int maxLineBytes, Duration idleTimeout, LoopReplies replies, Watchdog watchdog) {
        this.id = id;
        this.session = session;
        this.application = application;
        this.decoder = decoder;
        this.encoder = encoder;
        this.framer = new LineFramer(maxLineBytes);
        this.maxLineBytes = maxLineBytes;
        this.idleNanos = idleTimeout.toNanos();
        this.replies = replies;
        this.watchdog = watchdog;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        waitingSince = System.nanoTime();
        watchdogEntry = watchdog.watch(this);
        context.fireChannelActive();
        if (stopping) {
            serve();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        ending = true;
        if (watchdogEntry != null) {
            watchdogEntry.close();
        }
        if (watched != null) {
            watched.close();
        }
        if (receiving != null) {
            receiving.abort(); // the client went before its last byte: nothing of the upload is kept
            receiving = null;
        }
        received.release();
        context.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (ending) {
            ((ByteBuf) message).release();
            return;
        }
        received.add(context.alloc(), (ByteBuf) message);
        if (!busy) {
            waitingSince = System.nanoTime();
        }
        serve();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            // The end of a request stream, as `printf 'checkin 1 1010\n' | nc` sends it: what
            // came whole is answered; an unfinished last line is never carried out.
            inputShut = true;
            if (receiving != null && receiving.remaining() > received.readable()) {
                // The client is done sending, short of its upload's last byte: nothing of it is kept.
                receiving.abort();
                receiving = null;
                end();
            } else {
                serve();
            }
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            unreadSince = NEVER;
            pushEvents();
            serve();
        } else {
            unreadSince = System.nanoTime();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        log.debug("Connection {} from {} ended: {}", id, context.channel().remoteAddress(), cause.toString());
        context.close();
    }

    /** On the loop: the request in flight has its reply. */
    void replyReady() {
        Response response = pending;
        pending = null;
        busy = false;
        if (ending) {
            return;
        }
        waitingSince = System.nanoTime();
        send(response);
        serve();
    }

    /** Whether it is watching a class now; read from any thread. */
    boolean watching() {
        return watching;
    }

    /** On the loop: the server is stopping; the connection ends after the request in flight. */
    void stop() {
        stopping = true;
        if (ctx != null) {
            serve();
        }
    }

    /**
     * Answers the whole lines received, one at a time, as far as the client reads the replies,
     * and at most {@link #LINES_PER_PASS} before letting the loop serve the others.
     */
    private void serve() {
        boolean framed = false;
        boolean drained = false;
        yielded = false;
        int answered = 0;
        if (receiving != null && !ending) {
            receive();
        }
        while (!busy && !ending && !stopping && ctx.channel().isWritable()) {
            if (answered == LINES_PER_PASS) {
                yielded = true;
                ctx.executor().execute(this::serve);
                break;
            }
            LineFramer.Frame frame = received.next(framer);
            if (frame instanceof LineFramer.Frame.Incomplete) {
                drained = true;
                break;
            }
            answered++;
            framed = true;
            spoke = true;
            waitingSince = System.nanoTime();
            switch (frame) {
                case LineFramer.Frame.Line line when line.text().isBlank() -> {
                }
                case LineFramer.Frame.Line line -> answer(line.text());
                case LineFramer.Frame.BadEncoding bad -> send(failure(ErrorCode.BAD_ENCODING));
                case LineFramer.Frame.TooLong tooLong -> send(failure(ErrorCode.LINE_TOO_LONG, maxLineBytes));
                case LineFramer.Frame.Incomplete incomplete -> throw new IllegalStateException("handled above");
            }
        }
        if (stopping && !busy && !ending) {
            // The server speaks only when spoken to: a client that never said a word is just closed.
            if (spoke) {
                send(failure(ErrorCode.SHUTTING_DOWN));
            } else {
                end();
            }
        } else if (inputShut && drained && !busy && !ending) {
            end();
        }
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        boolean holding = received.waiting();
        received.compact();
        if (!holding) {
            lineSince = NEVER;
        } else if (framed || lineSince == NEVER) {
            lineSince = System.nanoTime();
        }
        // Reading stops only when something waits (a line behind the request in flight, lines
        // left for the next pass, or replies the client has not read), not for every request in
        // flight: a client that waits for each reply is read without a change of the socket's
        // interest in between.
        boolean read = !ending && !inputShut && !yielded && ctx.channel().isWritable() && !(busy && holding)
                && !(receiving != null && receiving.full());
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    private void answer(String line) {
        Request request;
        try {
            request = decoder.decode(line);
        } catch (ChamadaException e) {
            send(application.refusal(session, e));
            return;
        }
        if (request instanceof Request.Upload upload) {
            beginUpload(upload);
            return;
        }
        if (request instanceof Request.Download download) {
            beginDownload(download);
            return;
        }
        if (request instanceof Request.Backup) {
            beginBackup();
            return;
        }
        CompletableFuture<Response> reply;
        try {
            reply = application.handle(session, request);
        } catch (RuntimeException e) {
            send(unexpected(request, e));
            return;
        }
        if (reply.isDone()) {
            send(outcome(request, reply));
            return;
        }
        busy = true;
        waitingSince = NEVER;
        reply.whenComplete((response, failure) -> {
            pending = failure == null ? response : unexpected(request, failure);
            replies.ready(this);
        });
    }

    private Response outcome(Request request, CompletableFuture<Response> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            return unexpected(request, e.getCause());
        } catch (RuntimeException e) {
            return unexpected(request, e);
        }
    }

    private Response.Failure unexpected(Request request, Throwable failure) {
        log.error("Connection {}: unexpected failure answering {}", id, request, failure);
        return failure(ErrorCode.INTERNAL);
    }

    private Response.Failure failure(ErrorCode code, Object... args) {
        return application.refusal(session, new ChamadaException(code, args));
    }

    private void send(Response response) {
        writeLine(out -> encoder.encode(response, out));
        unflushed = true;
        if (response instanceof Response.Watching watch) {
            watch(new ClassId(watch.classId()));
        }
        if (response instanceof Response.Goodbye
                || response instanceof Response.Failure failure && !failure.code().keepsConnection()) {
            end();
        }
    }

    /** Writes one line, unflushed: what {@code encode} writes, and its end. */
    private void writeLine(LineEncoding encode) {
        ByteBuf out = ctx.alloc().buffer(REPLY_BYTES);
        try {
            encode.into(new ByteBufOutputStream(out));
        } catch (IOException e) {
            out.release();
            throw new UncheckedIOException("writing to a growing buffer cannot fail", e);
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
        out.writeByte('\n');
        ctx.write(out, ctx.voidPromise());
    }

    @FunctionalInterface
    private interface LineEncoding {
        void into(OutputStream out) throws IOException;
    }

    /**
     * Answers an upload: its refusal, or its go-ahead, after which the connection's next bytes are
     * the file's ({@link #receive}), and no line is read until the last of them.
     */
    private void beginUpload(Request.Upload request) {
        busy = true;
        waitingSince = NEVER;
        application.upload(session, request).whenComplete((start, failure) -> ctx.executor().execute(() -> {
            if (ending) {
                if (start instanceof UploadStart.Accepted accepted) {
                    accepted.upload().close();
                }
                return;
            }
            switch (failure != null ? new UploadStart.Refused(failureOf(request, failure)) : start) {
                case UploadStart.Refused refused -> streamEnded(refused.failure());
                case UploadStart.Accepted accepted when stopping -> {
                    accepted.upload().close();
                    streamEnded(failure(ErrorCode.SHUTTING_DOWN));
                }
                case UploadStart.Accepted accepted -> {
                    send(accepted.reply());
                    receiving = new UploadStream(accepted.upload(), () -> ctx.executor().execute(this::serve));
                    waitingSince = System.nanoTime(); // the bytes must start within the idle timeout
                    serve();
                }
            }
        }));
    }

    /** On the loop: hands the bytes received to the upload, and once the last is in, asks for its publication. */
    private void receive() {
        while (receiving.remaining() > 0 && received.waiting()) {
            receiving.accept(received.take(receiving.remaining()));
            waitingSince = System.nanoTime();
        }
        if (receiving.remaining() > 0) {
            return;
        }
        UploadStream complete = receiving;
        receiving = null;
        waitingSince = NEVER;
        complete.written().thenCompose(failedWrite -> {
            if (failedWrite == null) {
                return application.finishUpload(session, complete.upload());
            }
            log.error("Connection {}: an upload could not be written: {}", id, failedWrite.toString());
            complete.upload().close();
            return CompletableFuture.completedFuture(failure(ErrorCode.DISK_FULL));
        }).whenComplete((response, failure) -> {
            pending = failure == null ? response : unexpected(new Request.Upload(complete.upload().classId(),
                    complete.upload().name(), complete.upload().size(), complete.upload().sha256()), failure);
            replies.ready(this);
        });
    }

    /** Answers a download: its refusal, or its reply followed by the file's bytes ({@link #fileFrom}). */
    private void beginDownload(Request.Download request) {
        busy = true;
        waitingSince = NEVER;
        transferSince = System.nanoTime();
        application.download(session, request).whenComplete((transfer, failure) -> ctx.executor().execute(() -> {
            if (ending) {
                if (transfer instanceof Transfer.Ready ready) {
                    closeQuietly(ready.channel());
                }
                return;
            }
            switch (failure != null ? new Transfer.Refused(failureOf(request, failure)) : transfer) {
                case Transfer.Refused refused -> streamEnded(refused.failure());
                case Transfer.Ready ready -> sendFile(ready.reply(), ready.channel(), ready.reply().offset(),
                        ready.reply().length());
            }
        }));
    }

    /** Answers a backup as a download: its refusal, or its reply followed by the archive's bytes. */
    private void beginBackup() {
        busy = true;
        waitingSince = NEVER;
        // Not a transfer until its bytes go: building the archive is a request in flight, as long as it takes.
        transferSince = NEVER;
        application.backup(session).whenComplete((copy, failure) -> ctx.executor().execute(() -> {
            if (ending) {
                if (copy instanceof BackupCopy.Ready ready) {
                    closeQuietly(ready.archive());
                }
                return;
            }
            switch (failure != null ? new BackupCopy.Refused(failureOf(new Request.Backup(), failure)) : copy) {
                case BackupCopy.Refused refused -> streamEnded(refused.failure());
                case BackupCopy.Ready ready -> sendFile(ready.reply(), ready.archive(), 0, ready.reply().size());
            }
        }));
    }

    /** Sends {@code reply}, then {@code length} bytes of {@code channel} from {@code offset}, and closes the channel. */
    private void sendFile(Response reply, FileChannel channel, long offset, long length) {
        transferSince = System.nanoTime();
        send(reply);
        unflushed = false;
        if (length == 0) {
            closeQuietly(channel);
            ctx.flush();
            streamEnded(null);
            return;
        }
        // The region (or the chunks) closes the file once written, or once the connection drops it.
        // Netty counts a region as no bytes in its buffer, so a client that stops reading never makes
        // the socket "not writable": each step of the write stamps its progress, which the watchdog checks.
        Object file;
        try {
            file = fileFrom(channel, offset, length);
        } catch (IOException e) {
            closeQuietly(channel);
            log.debug("Connection {}: a download could not be read: {}", id, e.toString());
            close();
            return;
        }
        ChannelProgressivePromise promise = ctx.newProgressivePromise();
        promise.addListener(new ChannelProgressiveFutureListener() {
            @Override
            public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
                transferSince = System.nanoTime();
            }

            @Override
            public void operationComplete(ChannelProgressiveFuture written) {
                if (written.isSuccess()) {
                    streamEnded(null);
                } else {
                    log.debug("Connection {}: a download was cut: {}", id, String.valueOf(written.cause()));
                    close();
                }
            }
        });
        ctx.writeAndFlush(file, promise);
    }

    /**
     * The bytes of a download or a backup, as the connection can send them: in plain TCP a region
     * the kernel sends from the file itself (zero-copy); under TLS, which encrypts every byte in the
     * JVM, chunks read from the file, for the {@code ChunkedWriteHandler} before the {@link SslHandler}.
     */
    private Object fileFrom(FileChannel channel, long offset, long length) throws IOException {
        return ctx.pipeline().get(SslHandler.class) == null
                ? new DefaultFileRegion(channel, offset, length)
                : new ChunkedNioFile(channel, offset, length, TLS_CHUNK_BYTES);
    }

    /** On the loop: a transfer is over, with {@code reply} to send if it has one; the next request may come. */
    private void streamEnded(Response reply) {
        transferSince = NEVER;
        busy = false;
        waitingSince = System.nanoTime();
        if (reply != null) {
            send(reply);
        }
        serve();
    }

    private Response.Failure failureOf(Request request, Throwable failure) {
        return unexpected(request, failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Only read from: nothing to lose.
        }
    }

    /** From this reply on, the class's events go to the client too, between replies. */
    private void watch(ClassId classId) {
        if (watched == null) {
            watched = new WatchedEvents(() -> ctx.executor().execute(this::pushEvents));
        }
        watched.watch(application.events(), classId);
        watchCheckedAt = System.nanoTime();
        watching = true;
    }

    /**
     * On the loop, every {@link Application#liveViewCheck()}: a keep-alive line, so that a watcher gone without a
     * word is found when the line cannot be delivered, and a client can tell silence from a dead
     * connection; and each class's watch asked for again, so that a teacher disabled, logged out
     * or taken off the class stops hearing it. A refusal ends that class's watch and is sent in
     * place of its events, once no request is in flight (it must not pass for a reply).
     */
    private void checkWatch() {
        if (ending || watched == null) {
            return;
        }
        if (ctx.channel().isWritable()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(KEEP_ALIVE), ctx.voidPromise());
        }
        for (ClassId classId : watched.classes()) {
            application.mayStillHear(session, classId).thenAccept(revoked -> revoked.ifPresent(refusal ->
                    ctx.executor().execute(() -> {
                        if (!ending && watched != null) {
                            watched.unwatch(classId);
                            watching = !watched.classes().isEmpty();
                            if (!busy) {
                                send(refusal); // while a request is in flight it would pass for its reply: left out
                                ctx.flush();
                            }
                        }
                    })));
        }
    }

    /**
     * On the loop: writes the watched classes' events queued so far, as far as the client reads
     * them; one that fell too far behind is told so and closed.
     */
    private void pushEvents() {
        if (watched == null || ending) {
            return;
        }
        if (watched.overflowed()) {
            watched.close();
            send(failure(ErrorCode.WATCH_TOO_SLOW, WatchedEvents.MAX_QUEUED));
            ctx.flush();
            return;
        }
        boolean wrote = false;
        while (ctx.channel().isWritable()) {
            RollCallEvent event = watched.next();
            if (event == null) {
                break;
            }
            writeLine(out -> encoder.encode(event, out));
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    /**
     * Reads nothing more, and closes once what was written has gone, or after the idle timeout
     * if the client does not read it: a connection that ends must not stay open for ever.
     */
    private void end() {
        ending = true;
        unflushed = false;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        ctx.executor().schedule((Runnable) ctx::close, idleNanos, TimeUnit.NANOSECONDS);
    }

    /** Closes the connection at once; for a failure on its loop outside its pipeline's callbacks. */
    void close() {
        ending = true;
        ctx.close();
    }

    /**
     * Called by the server's watchdog thread about once a second: ends a connection whose
     * client has said nothing for longer than the idle timeout, trickles a line slower than
     * that, or has not read its replies for that long.
     */
    @Override
    public void enforceTimeouts(long now) {
        if (limitReported) {
            return;
        }
        long unread = unreadSince;
        long waiting = waitingSince;
        long line = lineSince;
        Runnable act;
        long transfer = transferSince;
        if (unread != NEVER && now - unread > idleNanos) {
            act = this::closeUnread;
        } else if (transfer != NEVER && now - transfer > idleNanos) {
            act = this::closeStalled;
        } else if (watching && now - watchCheckedAt > application.liveViewCheck().toNanos()) {
            watchCheckedAt = now;
            ctx.executor().execute(this::checkWatch);
            return;
        } else if (waiting != NEVER && now - waiting > idleNanos && !watching) {
            act = this::idle;
        } else if (waiting != NEVER && line != NEVER && now - line > idleNanos) {
            act = this::tooSlow;
        } else {
            return;
        }
        limitReported = true;
        ctx.executor().execute(act);
    }

    /** On the loop: a download that made no progress for the idle timeout (its client stopped reading). */
    private void closeStalled() {
        long transfer = transferSince;
        if (ending || transfer == NEVER || System.nanoTime() - transfer <= idleNanos) {
            limitReported = false;
            return;
        }
        log.debug("Connection {} from {} stopped reading its download; closing it", id, ctx.channel().remoteAddress());
        close();
    }

    private void closeUnread() {
        if (ctx.channel().isWritable()) {
            limitReported = false; // it read meanwhile
            return;
        }
        log.debug("Connection {} from {} does not read its replies; closing it", id, ctx.channel().remoteAddress());
        close();
    }

    /** On the loop, where the watchdog's look may be out of date: acts only if the client is still silent. */
    private void idle() {
        long waiting = waitingSince;
        if (ending || (busy && receiving == null) || waiting == NEVER || System.nanoTime() - waiting <= idleNanos) {
            limitReported = false;
            return;
        }
        if (spoke || received.waiting()) {
            send(failure(ErrorCode.IDLE_TIMEOUT, HumanCount.seconds(Duration.ofNanos(idleNanos))));
        } else {
            end();
        }
    }

    private void tooSlow() {
        long line = lineSince;
        if (ending || busy || line == NEVER || System.nanoTime() - line <= idleNanos) {
            limitReported = false;
            return;
        }
        send(failure(ErrorCode.REQUEST_TOO_SLOW, HumanCount.seconds(Duration.ofNanos(idleNanos))));
    }
}
