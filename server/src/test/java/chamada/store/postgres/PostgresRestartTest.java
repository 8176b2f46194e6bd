package chamada.store.postgres;

import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.rollcall.TeacherName;
import chamada.testing.CapturedLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped and started again under a running node: while it is down, every request
 * fails with a {@link StoreFailure} and the store reports itself unhealthy; once it is back, the
 * node serves again by itself, and every check-in acknowledged before is there. A PostgreSQL of
 * its own, on disk with {@code fsync} on, since this test stops it.
 */
class PostgresRestartTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path folder;

    private long clock = 1_764_000_000_000L;

    @Test
    void postgresStoppedAndStarted_failsClearly_thenServesAgain_losingNothing() throws IOException {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        PostgresAddress address = new PostgresAddress("postgres", List.of("127.0.0.1:" + port), "postgres", Optional.empty());
        try (PostgresStore store = PostgresStore.open(address, Optional.empty(), ZONE);
             CapturedLog writerLog = CapturedLog.of(PostgresWriter.class)) {
            store.open(CLASS, new TeacherName("ana"), tick()).join();
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                if (store.checkIn(CLASS, new Matricula("1" + i), tick()).join() instanceof CheckInResult.Registered) {
                    acknowledged.add("1" + i);
                }
            }

            postgres.close();
            Optional<Throwable> down = outcome(store, "2000");
            assertThat(down).hasValueSatisfying(failure -> assertThat(failure).isInstanceOf(StoreFailure.class));
            assertThat(store.health()).isInstanceOf(StoreHealth.Unhealthy.class);

            postgres = start(port);
            await().atMost(Duration.ofSeconds(60)).until(() -> outcome(store, "3000").isEmpty());
            assertThat(store.health()).isInstanceOf(StoreHealth.Healthy.class);
            assertThat(writerLog.lines()).contains("INFO PostgreSQL " + address + " takes writes again");
            assertThat(store.openRollCall(CLASS).join().orElseThrow().present())
                    .extracting(checkIn -> checkIn.matricula().value()).containsAll(acknowledged).contains("3000");
        } finally {
            postgres.close();
        }
    }

    /** What a check-in of {@code matricula} failed with, or empty if it got an outcome. */
    private Optional<Throwable> outcome(PostgresStore store, String matricula) {
        try {
            store.checkIn(CLASS, new Matricula(matricula), tick()).orTimeout(60, TimeUnit.SECONDS).join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(e.getCause());
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(folder.resolve("data"))
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", folder.toString())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private OffsetDateTime tick() {
        clock += 1_000;
        return Instant.ofEpochMilli(clock).atZone(ZONE).toOffsetDateTime();
    }
}
