package chamada.server;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static chamada.testing.Replies.as;
import static chamada.testing.Replies.code;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed's rules, end to end over the native protocol on a server in open mode. */
class RollCallRulesTest {

    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    private TestServer server;
    private ChamadaClient teacher;
    private ChamadaClient student;

    /** 08:00 in São Paulo, the server's zone in these tests. */
    private static final OffsetDateTime EIGHT_AM = OffsetDateTime.parse("2026-11-21T08:00:00-03:00");

    private final MutableClock clock = new MutableClock(EIGHT_AM.toInstant(), ZoneId.of("America/Sao_Paulo"));

    /** The store the server keeps its roll calls in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    @BeforeEach
    void start() {
        server = TestServer.start(dir, this::onStore, clock);
        teacher = server.client();
        student = server.client();
    }

    @AfterEach
    void stop() {
        teacher.close();
        student.close();
        server.close();
    }

    @Test
    void open_newClass_repliesClassAndOpeningTime() {
        Response.Opened opened = as(teacher.open(CLASS), Response.Opened.class);

        assertThat(opened.classId()).isEqualTo(1010);
        assertThat(opened.openedAt()).isEqualTo(EIGHT_AM);
    }

    @Test
    void open_alreadyOpen_isRefusedAndNothingChanges() {
        as(teacher.open(CLASS), Response.Opened.class);
        as(student.checkIn(new Matricula("1"), CLASS), Response.CheckedIn.class);

        assertThat(code(teacher.open(CLASS))).isEqualTo("ALREADY_OPEN");
        assertThat(as(teacher.status(CLASS), Response.RollCallReply.class).rollCall().present()).hasSize(1);
    }

    @Test
    void checkIn_openClass_repliesClassAndTime() {
        as(teacher.open(CLASS), Response.Opened.class);
        clock.advance(Duration.ofSeconds(72));

        Response.CheckedIn checkedIn = as(student.checkIn(new Matricula("042191010"), CLASS), Response.CheckedIn.class);

        assertThat(checkedIn.classId()).isEqualTo(1010);
        assertThat(checkedIn.at()).isEqualTo(EIGHT_AM.plusSeconds(72));
        assertThat(checkedIn.alreadyRegistered()).isFalse();
    }

    @Test
    void checkIn_classNotOpen_isRefusedWithClassZeroAndTime() {
        clock.advance(Duration.ofMinutes(5));

        Response.CheckInRefused refused = as(student.checkIn(new Matricula("042191010"), CLASS),
                Response.CheckInRefused.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.NOT_OPEN);
        assertThat(refused.at()).isEqualTo(EIGHT_AM.plusMinutes(5));
        assertThat(refused.message()).contains("1010");
    }

    @Test
    void checkIn_twice_isCountedOnceWithOriginalTime() {
        as(teacher.open(CLASS), Response.Opened.class);
        Response.CheckedIn first = as(student.checkIn(new Matricula("7"), CLASS), Response.CheckedIn.class);
        clock.advance(Duration.ofMinutes(3));

        Response.CheckedIn second = as(student.checkIn(new Matricula("7"), CLASS), Response.CheckedIn.class);

        assertThat(second.alreadyRegistered()).isTrue();
        assertThat(second.at()).isEqualTo(first.at()).isEqualTo(EIGHT_AM);
        assertThat(as(teacher.status(CLASS), Response.RollCallReply.class).rollCall().present()).hasSize(1);
    }

    @Test
    void checkIn_leadingZeros_areDifferentStudents() {
        as(teacher.open(CLASS), Response.Opened.class);

        as(student.checkIn(new Matricula("042191010"), CLASS), Response.CheckedIn.class);
        Response.CheckedIn other = as(student.checkIn(new Matricula("42191010"), CLASS), Response.CheckedIn.class);

        assertThat(other.alreadyRegistered()).isFalse();
        assertThat(as(teacher.close(CLASS), Response.RollCallReply.class).rollCall().present())
                .extracting(c -> c.matricula().value()).containsExactly("042191010", "42191010");
    }

    @Test
    void close_openClass_returnsPresentInArrivalOrderWithTimes() {
        as(teacher.open(CLASS), Response.Opened.class);
        for (String matricula : new String[] {"30", "10", "20"}) {
            clock.advance(Duration.ofSeconds(10));
            as(student.checkIn(new Matricula(matricula), CLASS), Response.CheckedIn.class);
        }
        clock.advance(Duration.ofMinutes(45));

        Response.RollCallReply closed = as(teacher.close(CLASS), Response.RollCallReply.class);

        assertThat(closed.rollCall().closedAt()).contains(EIGHT_AM.plusSeconds(30).plusMinutes(45));
        assertThat(closed.rollCall().present()).extracting(c -> c.matricula().value()).containsExactly("30", "10", "20");
        assertThat(closed.rollCall().present()).extracting(CheckIn::at)
                .containsExactly(EIGHT_AM.plusSeconds(10), EIGHT_AM.plusSeconds(20), EIGHT_AM.plusSeconds(30));
    }

    @Test
    void close_notOpen_isRefused() {
        assertThat(code(teacher.close(CLASS))).isEqualTo("NOT_OPEN");
    }

    @Test
    void checkIn_afterRollClosed_isRejected() {
        as(teacher.open(CLASS), Response.Opened.class);
        as(teacher.close(CLASS), Response.RollCallReply.class);

        as(student.checkIn(new Matricula("1"), CLASS), Response.CheckInRefused.class);
    }

    @Test
    void close_oneClass_leavesOtherClassesOpen() {
        ClassId other = new ClassId(2020);
        as(teacher.open(CLASS), Response.Opened.class);
        as(teacher.open(other), Response.Opened.class);
        as(student.checkIn(new Matricula("1"), other), Response.CheckedIn.class);

        as(teacher.close(CLASS), Response.RollCallReply.class);

        as(student.checkIn(new Matricula("2"), other), Response.CheckedIn.class);
        assertThat(as(teacher.status(other), Response.RollCallReply.class).rollCall().present()).hasSize(2);
    }

    @Test
    void status_openClass_listsPresentSoFar() {
        as(teacher.open(CLASS), Response.Opened.class);
        as(student.checkIn(new Matricula("5"), CLASS), Response.CheckedIn.class);

        Response.RollCallReply status = as(teacher.status(CLASS), Response.RollCallReply.class);

        assertThat(status.rollCall().isOpen()).isTrue();
        assertThat(status.rollCall().present()).extracting(c -> c.matricula().value()).containsExactly("5");
    }

    @Test
    void open_afterClose_startsAnEmptyRollCallAndKeepsHistory() {
        as(teacher.open(CLASS), Response.Opened.class);
        as(student.checkIn(new Matricula("1"), CLASS), Response.CheckedIn.class);
        as(teacher.close(CLASS), Response.RollCallReply.class);

        as(teacher.open(CLASS), Response.Opened.class);

        assertThat(as(teacher.status(CLASS), Response.RollCallReply.class).rollCall().present()).isEmpty();
        Response.History history = as(teacher.history(CLASS), Response.History.class);
        assertThat(history.rollCalls()).singleElement().satisfies(past -> assertThat(past.count()).isEqualTo(1));
    }

    @Test
    void export_closedRollCalls_carryEveryCheckIn() {
        as(teacher.open(CLASS), Response.Opened.class);
        as(student.checkIn(new Matricula("1"), CLASS), Response.CheckedIn.class);
        as(student.checkIn(new Matricula("2"), CLASS), Response.CheckedIn.class);
        as(teacher.close(CLASS), Response.RollCallReply.class);

        Response.Export export = as(teacher.export(CLASS), Response.Export.class);

        assertThat(export.rollCalls()).singleElement().satisfies(numbered ->
                assertThat(numbered.rollCall().present()).extracting(c -> c.matricula().value()).containsExactly("1", "2"));
    }
}
