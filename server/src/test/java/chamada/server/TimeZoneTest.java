package chamada.server;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.PastRollCall;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A roll call open across the end of daylight saving time, in a school's zone that has it: every
 * time keeps its own offset, so two check-ins at the same clock time an hour apart stay in their
 * order, and the history, read back from the store, says the same. On the embedded store here, on
 * PostgreSQL in {@link TimeZoneOnPostgresTest}.
 */
class TimeZoneTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    /** The store the server keeps its roll calls in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    @Test
    void aRollCallOpenWhenTheClocksGoBack_keepsEachTimesOffset_andItsOrder() {
        // 1 November 2026, 01:30 in New York, daylight time (-04:00); at 02:00 the clocks go back to 01:00 (-05:00).
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T05:30:00Z"), NEW_YORK);
        try (TestServer server = TestServer.start(dir, this::onStore, clock);
             ChamadaClient teacher = server.client();
             ChamadaClient student = server.client()) {
            Response.Opened opened = (Response.Opened) teacher.open(CLASS);
            clock.advance(Duration.ofMinutes(15));
            student.checkIn(new Matricula("111"), CLASS);
            clock.advance(Duration.ofHours(1));
            student.checkIn(new Matricula("222"), CLASS);
            clock.advance(Duration.ofMinutes(5));
            Response.RollCallReply closed = (Response.RollCallReply) teacher.close(CLASS);

            // As strings, so that the offsets are compared and not only the instants.
            assertThat(opened.openedAt()).hasToString("2026-11-01T01:30-04:00");
            assertThat(closed.rollCall().present()).extracting(CheckIn::matricula, CheckIn::at).containsExactly(
                    tuple(new Matricula("111"), OffsetDateTime.parse("2026-11-01T01:45:00-04:00")),
                    tuple(new Matricula("222"), OffsetDateTime.parse("2026-11-01T01:45:00-05:00")));
            List<PastRollCall> history = ((Response.History) teacher.history(CLASS)).rollCalls();
            assertThat(history).singleElement().satisfies(past -> {
                assertThat(past.openedAt()).hasToString("2026-11-01T01:30-04:00");
                assertThat(past.closedAt()).hasToString("2026-11-01T01:50-05:00");
                assertThat(past.count()).isEqualTo(2);
            });
        }
    }
}
