package chamada.store.postgres;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;
import chamada.rollcall.EventHub;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;
import chamada.store.MessageRules;
import chamada.store.Threads;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live views' events between the nodes that share one database. Each node tells the others
 * what its commits changed with {@code NOTIFY}, gathered for {@link #GATHER} and sent after the
 * commit (a {@code NOTIFY} inside each check-in's transaction makes every commit wait for
 * PostgreSQL's one notification lock), and hears theirs with {@code LISTEN} on a connection of
 * its own, opened again after a failure. A node hears its own events straight from its writer,
 * so it skips them here.
 *
 * <p>Events sent while no connection works are lost on the way; {@link MissedEvents} repairs
 * that with a slow poll ({@link #POLL}) on the listening connection, which is also how a
 * connection that went silent is found dead. After a reconnection this node listens first, then
 * polls, and drops what its views were already told.
 */
final class PostgresEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresEvents.class);

    static final String CHANNEL = "chamada_events";
    /** The kind of a message's line, which names the message only. */
    private static final String MESSAGE = "M";
    /** The kind of the line that says a class's question screen changed; it names the class only. */
    private static final String QUESTION = "Q";
    /** How the listening sessions show in {@code pg_stat_activity}, for an operator looking for them. */
    static final String APPLICATION_NAME = "chamada-listen";
    /** How long a node gathers its events before one {@code NOTIFY}: a live view updates within a second. */
    static final Duration GATHER = Duration.ofMillis(20);
    /** Below PostgreSQL's 8,000-byte limit on a notification's payload. */
    static final int MAX_PAYLOAD = 7_000;
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** Events waiting to be sent at most: a few seconds of a busy node, should PostgreSQL be slow to take them. */
    static final int MAX_WAITING = 100_000;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int WAIT_MILLIS = 500;
    /** How often the open roll calls are compared with what was told: a lost event is repaired within two. */
    static final Duration POLL = Duration.ofSeconds(5);
    /** A poll with no answer for this long means the listening connection is dead. */
    private static final int SOCKET_TIMEOUT_SECONDS = 30;

    /** This node, among those sharing the database: random, so that nodes need no configuration. */
    private final String node = randomNode();
    private final PostgresAddress address;
    private final Optional<String> password;
    private final DataSource sending;
    private final ZoneId zone;
    private final Duration poll;
    private final MissedEvents missed;
    private final MessageRules messages;
    private final ConcurrentLinkedQueue<RollCallEvent> outgoing = new ConcurrentLinkedQueue<>();
    /** How many events wait in {@link #outgoing}; past {@link #MAX_WAITING}, new ones are dropped. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** The listening connection, ended by {@link #close} so that the listener stops at once. */
    private volatile Connection listeningOn;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread sender = Thread.ofPlatform().name("chamada-postgres-notify").daemon(true).unstarted(this::send);
    private final Thread listener = Thread.ofPlatform().name("chamada-postgres-listen").daemon(true).unstarted(this::listen);
    private volatile boolean closed;

    /** Events for this node's views go to {@code hub}; {@code poll} is {@link #POLL} but in tests. */
    PostgresEvents(PostgresAddress address, Optional<String> password, DataSource sending, EventHub hub, ZoneId zone,
                   Duration poll) {
        this.address = address;
        this.password = password;
        this.sending = sending;
        this.zone = zone;
        this.poll = poll;
        this.missed = new MissedEvents(hub, zone);
        this.messages = new MessageRules(zone);
    }

    private static String randomNode() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Starts both threads and returns once this node listens, or after a few seconds if it cannot yet. */
    void start() throws InterruptedException {
        listener.start();
        sender.start();
        if (!listening.await(5, TimeUnit.SECONDS)) {
            log.warn("PostgreSQL {}: not listening to the other nodes' events yet; still trying", address);
        }
    }

    /**
     * Tells this node's views and the other nodes {@code changes}, which this node's writer just
     * committed; to this node's views, only what a repair has not told already.
     */
    void tell(List<RollCallEvent> changes) {
        // Queued for the other nodes first: nothing that happens to this node's views holds theirs back.
        if (waiting.addAndGet(changes.size()) > MAX_WAITING) {
            waiting.addAndGet(-changes.size());
            log.warn("PostgreSQL {}: {} events for the other nodes' live views dropped: {} already wait", address,
                    changes.size(), MAX_WAITING);
        } else {
            outgoing.addAll(changes);
        }
        missed.told(changes);
    }

    private void send() {
        while (!closed) {
            try {
                Thread.sleep(GATHER);
            } catch (InterruptedException e) {
                // closing: send what is left, then end
            }
            sendWaiting();
        }
        sendWaiting(); // what the writer told while the last send was under way
    }

    private void sendWaiting() {
        List<String> payloads = payloads();
        if (payloads.isEmpty()) {
            return;
        }
        try (Connection connection = sending.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement asynchronous = connection.createStatement();
                 PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                // A notification's transaction commits like any other, with a flush of the log: these
                // are live views' news, already durable in the data, and need not wait for the disk.
                asynchronous.execute("SET LOCAL synchronous_commit = off");
                for (String payload : payloads) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, payload);
                    notify.execute();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            log.warn("PostgreSQL {}: {} notifications to the other nodes' live views were lost: {}", address,
                    payloads.size(), e.toString());
        }
    }

    /** What is queued, as payloads of at most {@link #MAX_PAYLOAD} bytes, each naming this node first. */
    private List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(node);
        for (RollCallEvent event = outgoing.poll(); event != null; event = outgoing.poll()) {
            waiting.decrementAndGet();
            String line = encode(event);
            if (payload.length() + 1 + line.length() > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload = new StringBuilder(node);
            }
            payload.append('\n').append(line);
        }
        if (payload.length() > node.length()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    private void listen() {
        boolean started = false;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(address.jdbcUrl(), credentials());
                 Statement statement = connection.createStatement()) {
                listeningOn = connection;
                if (closed) {
                    return;
                }
                statement.execute("LISTEN " + CHANNEL);
                if (started) {
                    missed.poll(connection);
                } else {
                    missed.startFrom(connection);
                    started = true;
                }
                listening.countDown();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long nextPoll = System.nanoTime() + poll.toNanos();
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        hear(notification.getParameter(), connection);
                    }
                    if (System.nanoTime() - nextPoll >= 0) {
                        missed.poll(connection);
                        nextPoll = System.nanoTime() + poll.toNanos();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("PostgreSQL {}: listening to the other nodes' events failed ({}); trying again in {} s",
                        address, e.toString(), RETRY.toSeconds());
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", address.user());
        password.ifPresent(value -> properties.setProperty("password", value));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return properties;
    }

    /**
     * Publishes the events of another node's {@code payload}, but for those this node's views were
     * already told; this node's own, and lines it cannot read, are skipped.
     */
    private void hear(String payload, Connection connection) throws SQLException {
        String[] lines = payload.split("\n");
        if (lines[0].equals(node)) {
            return;
        }
        for (int i = 1; i < lines.length; i++) {
            try {
                if (lines[i].startsWith(MESSAGE + ",")) {
                    message(connection, lines[i]).ifPresent(missed::heard);
                } else if (lines[i].startsWith(QUESTION + ",")) {
                    missed.heard(question(connection, lines[i]));
                } else {
                    missed.heard(decode(lines[i], zone));
                }
            } catch (RuntimeException e) {
                log.warn("PostgreSQL {}: an event from another node could not be read: {} ({})", address, lines[i],
                        e.toString());
            }
        }
    }

    /** One event as one line: a letter for its kind, then its fields, separated by commas (matrículas are digits). */
    static String encode(RollCallEvent event) {
        return switch (event) {
            case RollCallEvent.Opened opened -> "O," + opened.classId().value() + "," + millis(opened.at());
            case RollCallEvent.CheckedIn in -> "I," + in.classId().value() + "," + in.matricula().value() + ","
                    + millis(in.at()) + "," + in.count() + "," + in.replaced().map(Matricula::value).orElse("");
            case RollCallEvent.Closed closed -> "X," + closed.classId().value() + "," + millis(closed.at()) + ","
                    + closed.count();
            case RollCallEvent.Marked marked -> "K," + marked.classId().value() + "," + marked.rollCallId() + ","
                    + marked.matricula().value() + "," + marked.status().wire() + "," + millis(marked.at());
            // A message's text may not fit in a notification: the nodes that hear it read it from the database.
            case RollCallEvent.MessagePosted posted -> MESSAGE + "," + posted.classId().value() + "," + posted.id();
            // Only the class: the nodes that hear it read what the class shows when they do.
            case RollCallEvent.QuestionShown shown -> QUESTION + "," + shown.classId().value() + "," + millis(shown.at());
        };
    }

    /** The event {@link #encode} wrote as {@code line}, its times in {@code zone}. */
    static RollCallEvent decode(String line, ZoneId zone) {
        String[] fields = line.split(",", -1);
        ClassId classId = new ClassId(Integer.parseInt(fields[1]));
        return switch (fields[0]) {
            case "O" -> new RollCallEvent.Opened(classId, time(fields[2], zone));
            case "I" -> new RollCallEvent.CheckedIn(classId, new Matricula(fields[2]), time(fields[3], zone),
                    Integer.parseInt(fields[4]), fields[5].isEmpty() ? Optional.empty() : Optional.of(new Matricula(fields[5])));
            case "X" -> new RollCallEvent.Closed(classId, time(fields[2], zone), Integer.parseInt(fields[3]));
            case "K" -> new RollCallEvent.Marked(classId, Long.parseLong(fields[2]), new Matricula(fields[3]),
                    AttendanceStatus.fromWire(fields[4]).orElseThrow(), time(fields[5], zone));
            default -> throw new IllegalArgumentException("unknown event kind " + fields[0]);
        };
    }

    /** The message an {@code M} line names, read from the database (as a forget since has left it); empty if a purge took it. */
    private Optional<RollCallEvent> message(Connection connection, String line) throws SQLException {
        long id = Long.parseLong(line.split(",", -1)[2]);
        return messages.message(connection, id).map(message -> new RollCallEvent.MessagePosted(message.classId(),
                message.id(), message.sender(), message.text().value(), message.at()));
    }

    /**
     * What a {@code Q} line's class shows now, read from the database: two choices made on two
     * nodes in quick succession may be heard in either order, and each screen must end on the one
     * the database kept (a purge or a forget since: none).
     */
    private RollCallEvent question(Connection connection, String line) throws SQLException {
        String[] fields = line.split(",", -1);
        ClassId classId = new ClassId(Integer.parseInt(fields[1]));
        return new RollCallEvent.QuestionShown(classId, messages.shown(connection, classId).map(message ->
                message.asQuestion()), time(fields[2], zone));
    }

    private static OffsetDateTime time(String epochMillis, ZoneId zone) {
        return Instant.ofEpochMilli(Long.parseLong(epochMillis)).atZone(zone).toOffsetDateTime();
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        listener.interrupt();
        Connection connection = listeningOn;
        if (connection != null) {
            try {
                connection.abort(Runnable::run); // ends a wait for notifications at once, from this thread
            } catch (SQLException e) {
                log.debug("Ending the listening connection failed", e);
            }
        }
        Threads.joinUninterruptibly(sender);
        Threads.joinUninterruptibly(listener);
    }
}
