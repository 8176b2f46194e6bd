package chamada.client;

import chamada.attendance.LateCountsAs;
import chamada.attendance.Reason;
import chamada.i18n.Lang;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.messages.MessageText;
import chamada.protocol.EventJson;
import chamada.protocol.Json;
import chamada.protocol.LineReader;
import chamada.protocol.ProtocolException;
import chamada.protocol.Request;
import chamada.protocol.RequestEncoder;
import chamada.protocol.Response;
import chamada.protocol.ResponseDecoder;
import chamada.protocol.Wire;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;
import chamada.roster.RosterEntry;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The one client of the native protocol, used by the CLI, the tests and the benchmark.
 *
 * <p>{@link #call} sends a request and waits for its reply. For pipelining, {@link #send}
 * and {@link #flush} write requests without waiting and {@link #receive} reads replies,
 * which come back in request order.
 *
 * <p>After {@link #watch}, the server also pushes the class's events, each a line of its own
 * between replies: {@link #receive} keeps those it meets for {@link #nextEvent}.
 *
 * <p>Plain TCP or TLS ({@link ClientTls}), as the server's native port speaks.
 *
 * <p>Not thread-safe: one client per thread. Connection problems surface as
 * {@link UncheckedIOException}; a server that refuses the connection as
 * {@link ServerRefusedException}; a reply the client cannot read as {@link ProtocolException}.
 */
public final class ChamadaClient implements AutoCloseable {

    private static final ObjectMapper JSON = Json.mapper();
    private static final RequestEncoder ENCODER = new RequestEncoder(JSON.getFactory());
    private static final ResponseDecoder DECODER = new ResponseDecoder(JSON);

    /**
     * The longest reply read: an export of a class's whole history is a few megabytes; past
     * this the reply is refused with a clear error rather than filling the memory.
     */
    private static final int MAX_REPLY_BYTES = 256 << 20;
    /**
     * The most bytes of students one roster part carries: with the request's own fields, well
     * inside the server's default line limit (8 KiB), so a roster import works against any
     * server left at its defaults.
     */
    private static final int ROSTER_PART_BYTES = 3_000;
    /** A student's bytes in a part besides the matrícula and the name: field names, quotes, braces. */
    private static final int ROSTER_ENTRY_OVERHEAD = 32;
    /**
     * How long a reply line may take to arrive once it has started. The socket's reply timeout
     * already catches a server gone silent; a long reply arriving steadily is read to its end.
     */
    private static final Duration REPLY_LINE_DEADLINE = Duration.ofDays(1);

    /** How long the verdict on an upload may take once its last byte is sent. */
    private static final Duration UPLOAD_VERDICT_TIMEOUT = Duration.ofMinutes(10);

    /** The socket the requests and replies go through: {@link #tcp} itself, or TLS over it. */
    private final Socket socket;
    /** The TCP connection under it, which {@link #abort} closes from another thread. */
    private final Socket tcp;
    private final LineReader in;
    private final OutputStream out;
    /** Events of watched classes read while looking for a reply, oldest first. */
    private final ArrayDeque<RollCallEvent> events = new ArrayDeque<>();

    private ChamadaClient(Socket socket, Socket tcp) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        // Bytes, not a Reader and a Writer: their character conversion was a tenth of the
        // benchmark client's CPU, and the server frames lines as bytes too.
        this.in = new LineReader(socket.getInputStream(), MAX_REPLY_BYTES, REPLY_LINE_DEADLINE);
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /**
     * Connects in plain TCP and says hello in {@code lang}, so the server's messages come back in it.
     *
     * @param timeout how long to wait for the connection and then for each reply
     */
    public static ChamadaClient connect(String host, int port, Lang lang, Duration timeout) {
        return connect(host, port, Optional.empty(), lang, timeout);
    }

    /**
     * Connects with TLS as {@code tls} says when it is there, then as {@link #connect(String, int,
     * Lang, Duration)}. A failed handshake is an {@link UncheckedIOException} whose cause is a
     * {@link TlsHandshakeException}.
     */
    public static ChamadaClient connect(String host, int port, Optional<ClientTls> tls, Lang lang, Duration timeout) {
        FirstByteSocket tcp = new FirstByteSocket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            tcp.setSoTimeout((int) timeout.toMillis());
            Socket socket = tls.isPresent() ? tls.get().handshake(tcp, host, port) : tcp;
            ChamadaClient client = new ChamadaClient(socket, tcp);
            Response hello = client.call(new Request.Hello(Optional.of(lang)));
            if (hello instanceof Response.Refusal refusal) {
                throw new ServerRefusedException(refusal.code(), refusal.message());
            }
            if (!(hello instanceof Response.Hello)) {
                throw new ProtocolException("expected a hello reply, got " + hello, null);
            }
            return client;
        } catch (IOException e) {
            closeQuietly(tcp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(tcp);
            throw e;
        }
    }

    /** From now on, waits this long for each reply (e.g. longer around a slow login); the connect-time value until then. */
    public void replyTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} and returns its reply. */
    public Response call(Request request) {
        send(request);
        flush();
        return receive();
    }

    /** Queues {@code request} without flushing, for pipelining. */
    public void send(Request request) {
        try {
            out.write(ENCODER.encode(request).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a raw line as typed, e.g. {@code open 1010}; for tests and tools. */
    public void sendLine(String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next reply; the watched classes' events met on the way are kept for {@link #nextEvent}. */
    public Response receive() {
        while (true) {
            String line = receiveLine();
            if (!isEvent(line)) {
                return DECODER.decode(line);
            }
            event(line).ifPresent(events::add);
        }
    }

    /**
     * The next event of a watched class, waiting for it as long as the reply timeout allows. A
     * reply instead means the server ended the watch (it is stopping, or this client fell too
     * far behind): thrown as {@link ServerRefusedException}.
     */
    public RollCallEvent nextEvent() {
        while (events.isEmpty()) {
            String line = receiveLine();
            if (isEvent(line)) {
                event(line).ifPresent(events::add);
                continue;
            }
            Response reply = DECODER.decode(line);
            if (reply instanceof Response.Refusal refusal) {
                throw new ServerRefusedException(refusal.code(), refusal.message());
            }
            throw new ProtocolException("expected an event, got " + reply, null);
        }
        return events.poll();
    }

    /** Whether {@code line} is a pushed event: the server writes its {@code "event"} first, where a reply has {@code "ok"}. */
    private static boolean isEvent(String line) {
        return line.startsWith("{\"" + Wire.EVENT + "\"");
    }

    /** The event {@code line} carries; empty for a kind newer than this client, which it skips. */
    private static Optional<RollCallEvent> event(String line) {
        try {
            return EventJson.read(JSON.readTree(line));
        } catch (IOException | RuntimeException e) {
            throw new ProtocolException("unreadable event: " + line, e);
        }
    }

    /** Reads the next reply line as it came; for tests and tools. */
    public String receiveLine() {
        try {
            return in.readLine().orElseThrow(
                    () -> new UncheckedIOException(new IOException("the server closed the connection")));
        } catch (LineReader.LineTooLongException | LineReader.BadEncodingException e) {
            throw new ProtocolException("unreadable reply: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a message to {@code classId}'s teachers as {@code sender} (empty: anonymous). */
    public Response message(ClassId classId, Optional<Matricula> sender, MessageText text) {
        return call(new Request.Message(classId, sender, text));
    }

    public Response inbox(ClassId classId, boolean unreadOnly) {
        return call(new Request.Inbox(classId, unreadOnly));
    }

    public Response markRead(ClassId classId, List<Long> ids) {
        return call(new Request.MarkRead(classId, ids));
    }

    /** Whether {@code classId} takes anonymous messages; with {@code set}, first makes it so. */
    public Response anonymous(ClassId classId, Optional<Boolean> set) {
        return call(new Request.Anonymous(classId, set));
    }

    /** A teacher's: shows message {@code id} on the class's question screen, or none. */
    public Response show(ClassId classId, Optional<Long> id) {
        return call(new Request.Show(classId, id));
    }

    public Response materials(ClassId classId) {
        return call(new Request.Materials(classId));
    }

    /**
     * Publishes {@code size} bytes from {@code bytes} as {@code name}, whose SHA-256 is {@code sha256}:
     * sends the request and, once the server says go ahead, the bytes, then returns the final reply
     * ({@link Response.Uploaded}, or a refusal, before or after the bytes). {@code progress} is told
     * how many bytes have gone so far.
     */
    public Response upload(ClassId classId, MaterialName name, long size, String sha256, InputStream bytes,
                           LongConsumer progress) {
        Response ready = call(new Request.Upload(classId, name, size, Optional.of(sha256)));
        if (!(ready instanceof Response.UploadReady)) {
            return ready;
        }
        try {
            byte[] chunk = new byte[64 * 1024];
            long sent = 0;
            while (sent < size) {
                int read = bytes.read(chunk, 0, (int) Math.min(chunk.length, size - sent));
                if (read < 0) {
                    throw new EOFException("the file ended after " + sent + " of its " + size + " bytes");
                }
                out.write(chunk, 0, read);
                sent += read;
                progress.accept(sent);
            }
            out.flush();
            // The server now makes the whole file durable (an fsync of a gigabyte, on a slow disk,
            // takes a while) before its verdict.
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(timeout == 0 ? 0 : Math.max(timeout, (int) UPLOAD_VERDICT_TIMEOUT.toMillis()));
            try {
                return receive();
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Downloads the material {@code choice} names in {@code classId}, from {@code offset}: returns
     * the reply, and when it is a {@link Response.Download}, its bytes have been written to
     * {@code sink} (a connection that ends before the last is an {@link UncheckedIOException}).
     */
    public Response download(ClassId classId, MaterialChoice choice, long offset, OutputStream sink) {
        Response reply = call(new Request.Download(classId, choice, offset));
        if (reply instanceof Response.Download download) {
            try {
                in.readBytes(download.length(), sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reply;
    }

    /**
     * Asks for a backup of the whole server (an administrator's): returns the reply, and when it is
     * a {@link Response.Backup}, the archive's bytes have been written to {@code sink}.
     */
    public Response backup(OutputStream sink) {
        Response reply = call(new Request.Backup());
        if (reply instanceof Response.Backup backup) {
            try {
                in.readBytes(backup.size(), sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reply;
    }

    public Response removeMaterial(ClassId classId, MaterialName name) {
        return call(new Request.RemoveMaterial(classId, name));
    }

    /** Watches {@code classId}: after a {@link Response.Watching} reply, {@link #nextEvent} reads its events. */
    public Response watch(ClassId classId) {
        return call(new Request.Watch(classId));
    }

    public Response login(String name, String secret) {
        return call(new Request.Login(name, secret));
    }

    public Response open(ClassId classId) {
        return call(new Request.Open(classId));
    }

    /**
     * Opens with {@code policy} (the server's default policy when empty), accepting matrículas
     * not on the class's roster if {@code acceptUnknown}.
     */
    public Response open(ClassId classId, Optional<CodePolicy> policy, boolean acceptUnknown) {
        return open(classId, policy, acceptUnknown, Optional.empty());
    }

    /** As {@link #open(ClassId, Optional, boolean)}, with check-ins {@code lateAfter} after the opening late. */
    public Response open(ClassId classId, Optional<CodePolicy> policy, boolean acceptUnknown,
                         Optional<Duration> lateAfter) {
        return call(new Request.Open(classId, policy, false, acceptUnknown, lateAfter));
    }

    public Response close(ClassId classId) {
        return call(new Request.Close(classId));
    }

    public Response status(ClassId classId) {
        return call(new Request.Status(classId));
    }

    public Response checkIn(Matricula matricula, ClassId classId) {
        return call(new Request.CheckIn(matricula, classId));
    }

    /** Checks in with the check-in code shown in the classroom, when the roll call asks for one. */
    public Response checkIn(Matricula matricula, ClassId classId, Optional<String> code) {
        return call(new Request.CheckIn(matricula, classId, code, Optional.empty()));
    }

    public Response history(ClassId classId) {
        return call(new Request.History(classId));
    }

    public Response export(ClassId classId) {
        return call(new Request.Export(classId));
    }

    /** Sets a student's status in roll call {@code rollCallId} (the class's latest when empty), for {@code reason}. */
    public Response mark(ClassId classId, Matricula matricula, AttendanceStatus status, Reason reason,
                         Optional<Long> rollCallId) {
        return call(new Request.Mark(classId, matricula, status, reason, rollCallId));
    }

    public Response report(ClassId classId, Optional<LocalDate> from, Optional<LocalDate> to, LateCountsAs lateCountsAs) {
        return call(new Request.Report(classId, from, to, lateCountsAs));
    }

    public Response audit(ClassId classId) {
        return call(new Request.Audit(classId));
    }

    public Response roster(ClassId classId) {
        return call(new Request.RosterList(classId));
    }

    /**
     * Makes {@code students} the whole roster of {@code classId}: sent in parts that each fit
     * in a request line, the last of which replaces the roster. Returns the last part's reply,
     * or the first refusal, after which nothing more is sent.
     */
    public Response importRoster(ClassId classId, List<RosterEntry> students) {
        List<List<RosterEntry>> parts = new ArrayList<>();
        List<RosterEntry> part = new ArrayList<>();
        int bytes = 0;
        for (RosterEntry student : students) {
            int size = ROSTER_ENTRY_OVERHEAD + student.matricula().value().length()
                    + student.name().value().getBytes(StandardCharsets.UTF_8).length * 2;
            if (!part.isEmpty() && bytes + size > ROSTER_PART_BYTES) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(student);
            bytes += size;
        }
        parts.add(part);
        Response reply = null;
        for (int i = 0; i < parts.size(); i++) {
            reply = call(new Request.RosterImport(classId, parts.get(i), i + 1, i < parts.size() - 1));
            if (!reply.ok()) {
                return reply;
            }
        }
        return reply;
    }

    /**
     * Closes the connection at once, without a goodbye; from any thread, e.g. to end a wait in
     * {@link #nextEvent} when the user presses Ctrl-C. The TCP connection is closed, not the TLS
     * over it, whose closing would wait to send its own goodbye behind the reading thread.
     */
    public void abort() {
        closeQuietly(tcp);
    }

    /** Says quit and closes; safe to call on a connection the server already dropped. */
    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                send(new Request.Quit());
                flush();
                receive();
            }
        } catch (RuntimeException e) {
            // The goodbye is a courtesy; a dropped connection is closed all the same.
        } finally {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
