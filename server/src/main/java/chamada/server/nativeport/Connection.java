package chamada.server.nativeport;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.net.Watchdog;
import chamada.net.WatchedOutput;
import chamada.protocol.LineReader;
import chamada.protocol.Request;
import chamada.protocol.RequestDecoder;
import chamada.protocol.Response;
import chamada.protocol.ResponseEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One client of the native protocol: reads a request line, answers it, and so on until the
 * client quits, hangs up, idles past the timeout, or breaks a limit.
 *
 * <p>Runs on its own virtual thread. Replies go out in request order; when the client has
 * pipelined more requests, replies are flushed together once the pipeline is drained.
 * Nothing a client sends can make this thread throw past {@link #run()}: every problem
 * becomes an error reply, or a logged hang-up.
 *
 * <p>Why the idle timeout is not the socket's read timeout: a read with a timeout parks the
 * virtual thread with a deadline, which JDK 25 arms and disarms on the scheduler's delay
 * thread for every read that waits, that is, for every request: more wake-ups of that thread
 * than check-ins (BENCHMARKS.md, "Fixes made"). Instead, reads wait without a deadline and the
 * server's watchdog, which already looks at every connection once a second for writes that
 * never finish, also closes the input of one that has waited for a request longer than the
 * timeout ({@link #enforceTimeouts}); the read then ends, and the client is told
 * {@code IDLE_TIMEOUT} as before, up to a second later than the timeout.
 */
final class Connection implements Runnable, Watchdog.Watched {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    private static final long NOT_READING = Long.MIN_VALUE;

    /**
     * Reply bytes gathered before a write: small, as every open connection keeps one (see
     * {@link LineReader#BUFFER_BYTES}). A reply longer than this is written straight through.
     */
    static final int OUTPUT_BUFFER_BYTES = 2048;

    private final long id;
    private final Socket socket;
    private final Session session;
    private final Application application;
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;
    private final int maxLineBytes;
    private final Duration idleTimeout;
    private final BooleanSupplier stopping;
    private volatile WatchedOutput output;
    private volatile long readingSince = NOT_READING;
    private volatile boolean idled;

    Connection(long id, Socket socket, Session session, Application application, RequestDecoder decoder,
               ResponseEncoder encoder, int maxLineBytes, Duration idleTimeout, BooleanSupplier stopping) {
        this.id = id;
        this.socket = socket;
        this.session = session;
        this.application = application;
        this.decoder = decoder;
        this.encoder = encoder;
        this.maxLineBytes = maxLineBytes;
        this.idleTimeout = idleTimeout;
        this.stopping = stopping;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            LineReader in = new LineReader(new WatchedInput(socket.getInputStream()), maxLineBytes, idleTimeout);
            output = new WatchedOutput(socket, idleTimeout, "Connection " + id);
            OutputStream out = new BufferedOutputStream(output, OUTPUT_BUFFER_BYTES);
            serve(in, out);
        } catch (IOException e) {
            log.debug("Connection {} from {} ended: {}", id, socket.getRemoteSocketAddress(), e.toString());
        } catch (RuntimeException e) {
            log.error("Connection {} from {} failed", id, socket.getRemoteSocketAddress(), e);
        }
    }

    private void serve(LineReader in, OutputStream out) throws IOException {
        boolean spoke = false;
        while (true) {
            Optional<String> line;
            try {
                line = in.readLine();
            } catch (LineReader.LineTooLongException e) {
                send(out, failure(ErrorCode.LINE_TOO_LONG, maxLineBytes), true);
                return;
            } catch (LineReader.BadEncodingException e) {
                spoke = true;
                send(out, failure(ErrorCode.BAD_ENCODING), !in.hasBufferedLine());
                continue;
            } catch (LineReader.SlowLineException e) {
                send(out, failure(ErrorCode.REQUEST_TOO_SLOW, idleTimeout.toSeconds()), true);
                return;
            }
            if (idled) {
                // The server speaks only when spoken to: a client that never said a word is just closed.
                if (spoke || in.hasBuffered()) {
                    send(out, failure(ErrorCode.IDLE_TIMEOUT, idleTimeout.toSeconds()), true);
                }
                return;
            }
            if (line.isEmpty()) {
                // The server stops by shutting our input, which reads as the end of the stream.
                if (spoke && stopping.getAsBoolean()) {
                    send(out, failure(ErrorCode.SHUTTING_DOWN), true);
                }
                out.flush();
                return;
            }
            spoke = true;
            if (line.get().isBlank()) {
                continue;
            }
            Response response = answer(line.get());
            boolean last = response instanceof Response.Goodbye || closesConnection(response);
            send(out, response, last || !in.hasBufferedLine());
            if (last) {
                return;
            }
        }
    }

    private Response answer(String line) {
        Request request;
        try {
            request = decoder.decode(line);
        } catch (ChamadaException e) {
            return application.refusal(session, e);
        }
        try {
            return application.handle(session, request).join();
        } catch (RuntimeException e) {
            log.error("Connection {}: unexpected failure answering {}", id, request, e);
            return failure(ErrorCode.INTERNAL);
        }
    }

    private static boolean closesConnection(Response response) {
        return response instanceof Response.Failure failure && !failure.code().keepsConnection();
    }

    private Response.Failure failure(ErrorCode code, Object... args) {
        return application.refusal(session, new ChamadaException(code, args));
    }

    private void send(OutputStream out, Response response, boolean flush) throws IOException {
        out.write(encoder.encode(response).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        if (flush) {
            out.flush();
        }
    }

    /**
     * Called by the server's watchdog thread about once a second: ends a connection whose
     * client has said nothing for longer than the idle timeout, or never reads its replies.
     */
    @Override
    public void enforceTimeouts(long now) {
        long reading = readingSince;
        if (reading != NOT_READING && now - reading > idleTimeout.toNanos() && !idled) {
            idled = true; // before the input closes, so the read that ends sees it
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                log.debug("Shutting input of idle connection {} failed: {}", id, e.toString());
            }
        }
        WatchedOutput writing = output;
        if (writing != null) {
            writing.enforceTimeouts(now);
        }
    }

    /** The socket's input, remembering since when its reader has been waiting for bytes. */
    private final class WatchedInput extends FilterInputStream {

        WatchedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            readingSince = System.nanoTime();
            try {
                return in.read(bytes, offset, length);
            } finally {
                readingSince = NOT_READING;
            }
        }
    }
}
