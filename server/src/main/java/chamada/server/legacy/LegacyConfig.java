package chamada.server.legacy;

import chamada.rollcall.ClassId;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the legacy listeners run, checked once at start-up with messages that name the option
 * and its limits. Part of the server's config only when {@code --legacy} is given.
 *
 * @param bind         address the three listeners bind to; the seeds' clients connect to
 *                     {@code gethostbyname(gethostname())}, which is often not loopback
 * @param rollCallPort port of the roll call ({@code seeds/000}); 0 picks a free one (tests)
 * @param messagesPort port of the messages ({@code seeds/003}); 0 picks a free one
 * @param filesPort    port of the file download ({@code seeds/004}); 0 picks a free one
 * @param filesFolder  the folder whose regular files the file download offers; created if missing
 * @param idleTimeout  a legacy connection with nothing to read for this long is closed; long,
 *                     because a seed client keeps one connection for the whole class
 * @param messageDeadline a message on the messages port must come whole within this, or the
 *                     idle timeout if shorter, of its first byte; short, because the idle timeout
 *                     is long and a seed client sends a whole message at once
 * @param messagesClass the class whose inbox keeps what the message port receives; empty: the
 *                     messages are only logged, as before class messages existed
 * @param filesClass   the class whose materials the file download offers; empty: the files of
 *                     {@code filesFolder}
 */
public record LegacyConfig(InetAddress bind, int rollCallPort, int messagesPort, int filesPort, Path filesFolder,
                           Duration idleTimeout, Duration messageDeadline, Optional<ClassId> messagesClass,
                           Optional<ClassId> filesClass) {

    public static final int DEFAULT_ROLL_CALL_PORT = 5050;
    public static final int DEFAULT_MESSAGES_PORT = 5051;
    public static final int DEFAULT_FILES_PORT = 50000;
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final String DEFAULT_FILES_FOLDER = "chamada-data/legacy-files";
    /** Twelve hours, a school day: the seed's teacher opens at the start of class and closes at the end. */
    public static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 12 * 60 * 60;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS);
    /** A message of 64 KiB from a seed client on the school's network comes at once; a minute is lenient. */
    public static final Duration DEFAULT_MESSAGE_DEADLINE = Duration.ofSeconds(60);

    public LegacyConfig {
        int[] ports = {rollCallPort, messagesPort, filesPort};
        LegacyPort[] names = LegacyPort.values();
        for (int i = 0; i < ports.length; i++) {
            check(ports[i] >= 0 && ports[i] <= 65_535, names[i].option() + " must be from 0 to 65535, got " + ports[i]);
            for (int j = 0; j < i; j++) {
                check(ports[i] == 0 || ports[i] != ports[j],
                        names[j].option() + " and " + names[i].option() + " are both " + ports[i]);
            }
        }
        check(!idleTimeout.isNegative() && !idleTimeout.isZero() && idleTimeout.compareTo(Duration.ofDays(1)) <= 0,
                "--legacy-idle-timeout must be from 1 second to 1 day, got " + idleTimeout.toSeconds() + " s");
        check(!messageDeadline.isNegative() && !messageDeadline.isZero(),
                "a legacy message's deadline must be positive, got " + messageDeadline);
    }

    /** Every default: all addresses, the seeds' ports, {@value #DEFAULT_FILES_FOLDER}. */
    public static LegacyConfig defaults() {
        return new LegacyConfig(anyAddress(), DEFAULT_ROLL_CALL_PORT, DEFAULT_MESSAGES_PORT, DEFAULT_FILES_PORT,
                Path.of(DEFAULT_FILES_FOLDER), DEFAULT_IDLE_TIMEOUT);
    }

    /** Loopback, free ports, files from {@code filesFolder}: the tests' starting point. */
    public static LegacyConfig forTests(Path filesFolder) {
        return new LegacyConfig(InetAddress.getLoopbackAddress(), 0, 0, 0, filesFolder, DEFAULT_IDLE_TIMEOUT);
    }

    /** Messages only logged. */
    public LegacyConfig(InetAddress bind, int rollCallPort, int messagesPort, int filesPort, Path filesFolder,
                        Duration idleTimeout) {
        this(bind, rollCallPort, messagesPort, filesPort, filesFolder, idleTimeout, DEFAULT_MESSAGE_DEADLINE,
                Optional.empty(), Optional.empty());
    }

    public LegacyConfig withIdleTimeout(Duration idleTimeout) {
        return new LegacyConfig(bind, rollCallPort, messagesPort, filesPort, filesFolder, idleTimeout, messageDeadline,
                messagesClass, filesClass);
    }

    /** Messages on the messages port must come whole within {@code messageDeadline} of their first byte (tests). */
    public LegacyConfig withMessageDeadline(Duration messageDeadline) {
        return new LegacyConfig(bind, rollCallPort, messagesPort, filesPort, filesFolder, idleTimeout, messageDeadline,
                messagesClass, filesClass);
    }

    /** The time a message on the messages port has, from its first byte, to come whole: the shorter of the two. */
    public Duration messageTime() {
        return messageDeadline.compareTo(idleTimeout) < 0 ? messageDeadline : idleTimeout;
    }

    /** The message port's messages kept in {@code classId}'s inbox. */
    public LegacyConfig withMessagesClass(ClassId classId) {
        return new LegacyConfig(bind, rollCallPort, messagesPort, filesPort, filesFolder, idleTimeout, messageDeadline,
                Optional.of(classId), filesClass);
    }

    /** The file download offering {@code classId}'s materials instead of the folder's files. */
    public LegacyConfig withFilesClass(ClassId classId) {
        return new LegacyConfig(bind, rollCallPort, messagesPort, filesPort, filesFolder, idleTimeout, messageDeadline,
                messagesClass, Optional.of(classId));
    }

    /** The configured port of {@code which} (0 means a free one is picked at start). */
    public int port(LegacyPort which) {
        return switch (which) {
            case ROLL_CALL -> rollCallPort;
            case MESSAGES -> messagesPort;
            case FILES -> filesPort;
        };
    }

    /** Refuses a native {@code --port} equal to one of the legacy ports. */
    public void checkApartFrom(int nativePort) {
        for (LegacyPort which : LegacyPort.values()) {
            check(nativePort == 0 || port(which) != nativePort,
                    "--port and " + which.option() + " are both " + nativePort);
        }
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("four bytes are an IPv4 address", e);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
