package chamada.server.legacy;

import chamada.net.WatchedOutput;
import chamada.protocol.legacy.LegacyText;
import chamada.testing.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The write watchdog on the legacy file download: a client that asks for a large file and
 * never reads the reply is closed once its write has been blocked longer than the legacy idle
 * timeout, and gives back its place in the per-address limit; other clients are served
 * meanwhile.
 *
 * <p>Why the server's write really blocks. The file is 1 MiB of {@code \n}: each byte becomes
 * one line, rendered {@code '\n', } (6 bytes), so the reply is about 6 MiB. What the kernel can
 * take off the server's hands without the client reading is at most the server's send buffer
 * plus the client's receive buffer. The server does not set {@code SO_SNDBUF}, so Linux
 * autotunes it up to {@code tcp_wmem}'s maximum (4 MiB by default and on the machine this was
 * written on; the buffer also counts per-segment overhead, so it holds less payload than
 * that). The client sets {@code SO_RCVBUF} to 4 KiB before connecting, which turns off receive
 * autotuning ({@code tcp_rmem}'s maximum here is 32 MiB) and locks it at twice that, 8 KiB.
 * So about 2 MiB of the reply cannot leave the server's {@code write}, which has no timeout of
 * its own. Without the watchdog each of the three checks fails on its own (each was tried with
 * the registration removed): the watchdog's log line never comes; the address stays full, as
 * the stuck client is still connected when the test asks for two places; and once the client
 * reads, the write goes on and it gets the whole reply. The test reads {@code tcp_wmem} and is
 * skipped on a machine whose buffers could hold the whole reply.
 */
class LegacyWatchdogTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    private static final int LIMIT = 2;
    private static final int RECEIVE_BUFFER = 4096;
    /** Idle timeout, plus up to one second until the watchdog's next look, plus slack. */
    private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(10);

    private static final String BIG = "\n".repeat(FileFolder.MAX_FILE_BYTES);
    /**
     * {@code ['grande.txt', ['\n', '\n', ..., '\n']]}, counted rather than built: rendering it
     * takes the server a moment already (as {@code LegacyFileTest} pins, each line is
     * {@code '\n'} and the items are joined by {@code ", "}).
     */
    private static final long REPLY_BYTES = "['grande.txt', [".length() + 4L * BIG.length()
            + 2L * (BIG.length() - 1) + "]]".length();
    private static final String REPLY_START = "['grande.txt', [" + "'\\n', ".repeat(8);
    private static final String MENU = "-- OPÇÕES ENCONTRADAS -- \n\n[0] grande.txt\n[1] pequeno.txt\n"
            + "\nQual deles deseja baixar? ";

    @TempDir
    Path dir;

    private LegacyFixture server;

    @BeforeEach
    void start() throws IOException {
        server = LegacyFixture.start(dir, config -> config
                .withLimits(config.maxLineBytes(), config.idleTimeout(), LIMIT)
                .withLegacy(config.legacy().orElseThrow().withIdleTimeout(IDLE_TIMEOUT)));
        Files.writeString(server.files.resolve("grande.txt"), BIG, StandardCharsets.UTF_8);
        Files.writeString(server.files.resolve("pequeno.txt"), "oi", StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void download_clientNeverReadingTheReply_isClosedAfterTheIdleTimeout_andGivesBackItsPlace() throws IOException {
        assumeBuffersCannotHold(REPLY_BYTES);
        try (CapturedLog downloads = CapturedLog.of(FileProtocol.class);
             CapturedLog watchdog = CapturedLog.of(WatchedOutput.class);
             Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(RECEIVE_BUFFER);
            stuck.connect(new InetSocketAddress("127.0.0.1", server.port(LegacyPort.FILES)));
            stuck.setSoTimeout((int) RawClient.TIMEOUT.toMillis());
            InputStream in = stuck.getInputStream();
            assertThat(new String(in.readNBytes(MENU.getBytes(StandardCharsets.UTF_8).length), StandardCharsets.UTF_8))
                    .isEqualTo(MENU);
            stuck.getOutputStream().write('0');
            String from = "/127.0.0.1:" + stuck.getLocalPort();
            await("the server starting the download").atMost(RawClient.TIMEOUT)
                    .until(downloads::lines, lines -> lines.contains("INFO Legacy file download: grande.txt to /127.0.0.1"));

            // Meanwhile another client of the same address is served; with it, the address is
            // full, so the stuck client still holds its place.
            try (RawClient other = server.connect(LegacyPort.FILES)) {
                other.expect(MENU);
                try (RawClient refused = server.connect(LegacyPort.FILES)) {
                    assertThat(refused.readToEnd()).isEqualTo(LegacyText.TOO_MANY_CONNECTIONS.format(LIMIT));
                }
                other.send("1");
                assertThat(other.readToEnd()).isEqualTo("['pequeno.txt', ['oi']]");
            }

            await("the watchdog closing the stuck client").atMost(CLOSE_DEADLINE).until(watchdog::lines, lines ->
                    lines.contains("INFO Legacy file download connection from " + from
                            + ": not reading its replies for 2 s; closing it"));

            // Both places of the address are free again, while the stuck client has still read
            // nothing: two connections at once are each served.
            await("both places given back").atMost(CLOSE_DEADLINE).ignoreExceptions().untilAsserted(() -> {
                try (RawClient first = server.connect(LegacyPort.FILES);
                     RawClient second = server.connect(LegacyPort.FILES)) {
                    first.expect(MENU);
                    second.expect(MENU);
                }
            });

            byte[] start = new byte[REPLY_START.length()];
            long received = readUntilClosed(in, start);
            assertThat(received).as("bytes of the reply received before the close").isLessThan(REPLY_BYTES);
            assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo(REPLY_START);
        }
    }

    /** Reads until the end of the stream or a reset, keeping the first bytes in {@code start}; the count read. */
    private static long readUntilClosed(InputStream in, byte[] start) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (total < start.length) {
                    System.arraycopy(buffer, 0, start, (int) total, (int) Math.min(read, start.length - total));
                }
                total += read;
            }
        } catch (SocketTimeoutException e) {
            fail("the server did not close within " + RawClient.TIMEOUT + " after " + total + " bytes");
        } catch (IOException e) {
            // A reset is a close too.
        }
        return total;
    }

    /**
     * Skips where the server's send buffer plus our receive buffer could take the whole reply.
     * (JUnit's assumptions: AssertJ's build a proxy class first, which takes seconds.)
     */
    private static void assumeBuffersCannotHold(long replyBytes) throws IOException {
        Path wmem = Path.of("/proc/sys/net/ipv4/tcp_wmem");
        assumeTrue(Files.isReadable(wmem), "needs Linux's " + wmem + " to know the socket buffer sizes");
        String[] sizes = Files.readString(wmem).trim().split("\\s+");
        long sendMax = Long.parseLong(sizes[sizes.length - 1]);
        assumeTrue(replyBytes > sendMax + 2L * RECEIVE_BUFFER, "a " + replyBytes + "-byte reply would fit in tcp_wmem's"
                + " maximum " + sendMax + " plus a locked " + 2 * RECEIVE_BUFFER + "-byte receive buffer");
    }
}
