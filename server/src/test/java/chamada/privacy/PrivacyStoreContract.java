package chamada.privacy;

import chamada.attendance.AttendanceReport;
import chamada.attendance.LateCountsAs;
import chamada.attendance.Mark;
import chamada.attendance.MarkResult;
import chamada.attendance.Reason;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import chamada.store.ChamadaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A student's data-protection rights every store keeps, as {@link PrivacyStore}'s Javadoc
 * states them: everything held about a student, and a forget that leaves a pseudonym and the
 * same counts. A store runs it by extending this class.
 */
public abstract class PrivacyStoreContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    protected static final ClassId CLASS = new ClassId(1010);
    /** Distinctive, so that a search of a store's bytes finds only it. */
    protected static final Matricula STUDENT = new Matricula("98765432101234");
    protected static final String NAME = "Zuleica Xavantina";
    protected static final String REASON = "atestado da Zuleica";
    private static final Matricula OTHER = new Matricula("7");
    private static final TeacherName ANA = new TeacherName("ana");
    private static final TeacherName DIRETORA = new TeacherName("diretora");
    private static final DeviceId PHONE = new DeviceId("d" + "1".repeat(31));
    private static final Instant START = Instant.parse("2026-12-01T11:00:00Z");

    protected ChamadaStore store;
    private int ticks;

    protected abstract ChamadaStore openStore();

    protected abstract ChamadaStore reopen(ChamadaStore store);

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * Two lessons of class 1010: at the first the student checks in from a phone, at the second
     * they are absent and then excused with a reason naming them; another student comes to both.
     */
    protected void twoLessons() {
        await(store.replaceRoster(CLASS, List.of(new RosterEntry(STUDENT, new StudentName(NAME)),
                new RosterEntry(OTHER, new StudentName("Beto Lima")))));
        assertThat(await(store.open(CLASS, ANA, CheckInRules.none(), tick()))).isInstanceOf(OpenResult.Opened.class);
        await(store.checkIn(new CheckInAttempt(CLASS, STUDENT, Optional.empty(), Optional.of(PHONE), tick())));
        await(store.checkIn(CLASS, OTHER, tick()));
        assertThat(await(store.close(CLASS, ANA, tick()))).isInstanceOf(CloseResult.Closed.class);
        await(store.open(CLASS, ANA, CheckInRules.none(), tick()));
        await(store.checkIn(CLASS, OTHER, tick()));
        await(store.close(CLASS, ANA, tick()));
        assertThat(await(store.mark(new Mark(CLASS, Optional.empty(), STUDENT, AttendanceStatus.EXCUSED,
                new Reason(REASON), ANA, tick(), Duration.ofDays(7), false)))).isInstanceOf(MarkResult.Marked.class);
    }

    @Test
    void studentRecords_holdEveryRecordNamingTheStudent_andNoOthers() {
        twoLessons();

        StudentRecords records = await(store.studentRecords(STUDENT));

        assertThat(records.rosters()).containsExactly(new StudentRecords.RosterListing(CLASS, new StudentName(NAME)));
        assertThat(records.checkIns()).singleElement().satisfies(checkIn -> {
            assertThat(checkIn.classId()).isEqualTo(CLASS);
            assertThat(checkIn.fromDevice()).isTrue();
        });
        assertThat(records.statuses()).extracting(StudentRecords.StatusRecord::status, StudentRecords.StatusRecord::source)
                .containsExactly(tuple(AttendanceStatus.EXCUSED, "teacher"));
        assertThat(records.audit()).singleElement().satisfies(entry -> {
            assertThat(entry.reason().value()).isEqualTo(REASON);
            assertThat(entry.matricula()).isEqualTo(STUDENT);
        });
        assertThat(await(store.studentRecords(new Matricula("123"))).isEmpty()).isTrue();
    }

    @Test
    void forget_leavesThePseudonymEverywhere_takesTheStudentOffTheRoster_andKeepsEveryCount() {
        twoLessons();
        AttendanceReport before = report();

        ForgetResult result = await(store.forget(forget()));

        Matricula pseudonym = ((ForgetResult.Forgotten) result).pseudonym();
        assertThat(await(store.studentRecords(STUDENT)).isEmpty()).isTrue();
        StudentRecords now = await(store.studentRecords(pseudonym));
        assertThat(now.rosters()).isEmpty();
        assertThat(now.checkIns()).singleElement().satisfies(checkIn -> assertThat(checkIn.fromDevice()).isFalse());
        assertThat(now.statuses()).hasSize(1);
        assertThat(now.audit()).singleElement().satisfies(entry -> assertThat(entry.reason().value()).isEqualTo("-"));
        AttendanceReport after = report();
        assertThat(after.totals()).isEqualTo(before.totals());
        assertThat(after.byRollCall()).isEqualTo(before.byRollCall());
        assertThat(await(store.names(CLASS)).names()).doesNotContainKeys(pseudonym, STUDENT).containsKey(OTHER);
        await(store.open(CLASS, ANA, CheckInRules.none(), tick()));
        CloseResult closed = await(store.close(CLASS, ANA, tick()));
        assertThat(((CloseResult.Closed) closed).rollCall().absent()).as("no longer one of the class's")
                .containsExactly(OTHER);
    }

    @Test
    void forget_ofAStudentInAnOpenRollCall_isRefusedAndChangesNothing() {
        twoLessons();
        await(store.open(CLASS, ANA, CheckInRules.none(), tick()));
        await(store.checkIn(CLASS, STUDENT, tick()));

        ForgetResult result = await(store.forget(forget()));

        assertThat(result).isEqualTo(new ForgetResult.InOpenRollCall(CLASS));
        assertThat(await(store.studentRecords(STUDENT)).checkIns()).hasSize(2);
        assertThat(await(store.studentRecords(STUDENT)).rosters()).hasSize(1);
    }

    @Test
    void forget_ofAStudentOnlyMarkedInAnOpenRollCall_isRefusedToo() {
        twoLessons();
        await(store.open(CLASS, ANA, CheckInRules.none(), tick()));
        await(store.mark(new Mark(CLASS, Optional.empty(), STUDENT, AttendanceStatus.EXCUSED, new Reason("viagem"), ANA,
                tick(), Duration.ofDays(7), false)));

        assertThat(await(store.forget(forget()))).isEqualTo(new ForgetResult.InOpenRollCall(CLASS));
    }

    @Test
    void forget_renamesTheStudentInTheCheckInsAPhoneReplaced() {
        await(store.open(CLASS, ANA, CheckInRules.none(), tick()));
        await(store.checkIn(new CheckInAttempt(CLASS, OTHER, Optional.empty(), Optional.of(PHONE), tick())));
        assertThat(await(store.checkIn(new CheckInAttempt(CLASS, STUDENT, Optional.empty(), Optional.of(PHONE), tick()))))
                .isInstanceOf(chamada.rollcall.CheckInResult.Replaced.class);
        await(store.close(CLASS, ANA, tick()));

        Matricula pseudonym = ((ForgetResult.Forgotten) await(store.forget(forget()))).pseudonym();

        assertThat(await(store.studentRecords(STUDENT)).isEmpty()).isTrue();
        assertThat(await(store.studentRecords(pseudonym)).replacements()).singleElement()
                .satisfies(replacement -> {
                    assertThat(replacement.replaced()).isEqualTo(OTHER);
                    assertThat(replacement.by()).isEqualTo(pseudonym);
                });
    }

    @Test
    void forget_survivesAReopen() {
        twoLessons();
        Matricula pseudonym = ((ForgetResult.Forgotten) await(store.forget(forget()))).pseudonym();

        store = reopen(store);

        assertThat(await(store.studentRecords(pseudonym)).checkIns()).hasSize(1);
        assertThat(await(store.names(CLASS)).names()).doesNotContainKeys(pseudonym, STUDENT);
        assertThat(await(store.studentRecords(STUDENT)).isEmpty()).isTrue();
    }

    protected Forget forget() {
        return new Forget(STUDENT, Pseudonyms.next(), DIRETORA, tick());
    }

    private AttendanceReport report() {
        return AttendanceReport.of(CLASS, await(store.numberedClosedRollCalls(CLASS)), await(store.names(CLASS)),
                Optional.empty(), Optional.empty(), LateCountsAs.PRESENT);
    }

    protected OffsetDateTime tick() {
        return OffsetDateTime.ofInstant(START.plusSeconds(60L * ++ticks), ZONE);
    }
}
