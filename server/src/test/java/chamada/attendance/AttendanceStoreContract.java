package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
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
import java.util.Map;
import java.util.Optional;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correction rules every store keeps, as {@link AttendanceStore}'s Javadoc states them: a
 * mark changes one status and appends its audit record with the status before, never a check-in;
 * the edit window's lock and an administrator's way past it; the class's latest roll call by
 * default; and all of it across a reopen. A store runs it by extending this class.
 */
public abstract class AttendanceStoreContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final ClassId CLASS = new ClassId(1010);
    private static final TeacherName ANA = new TeacherName("ana");
    private static final Matricula ALICE = new Matricula("042191010");
    private static final Matricula BETO = new Matricula("205182055");
    private static final Matricula CAUA = new Matricula("7");
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Instant START = Instant.parse("2026-12-01T11:00:00Z");

    private ChamadaStore store;

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

    @Test
    void mark_anAbsentStudentExcused_isAuditedFromAbsent_andNoLongerAbsent() {
        await(store.replaceRoster(CLASS, List.of(entry(ALICE), entry(BETO))));
        long id = openRollCall(CheckInRules.none());
        checkIn(ALICE, 60);
        closeRollCall(600);

        MarkResult marked = await(store.mark(mark(BETO, AttendanceStatus.EXCUSED, "atestado médico", 700)));
        store = reopen(store);

        assertThat(marked).usingRecursiveComparison().ignoringFields("auditId").isEqualTo(new MarkResult.Marked(CLASS, id,
                Optional.of(AttendanceStatus.ABSENT), AttendanceStatus.EXCUSED, at(700), 0));
        assertThat(((MarkResult.Marked) marked).auditId()).isEqualTo(await(store.audit(CLASS)).getFirst().id());
        assertThat(await(store.closedRollCalls(CLASS)).getFirst().absent()).isEmpty();
        assertThat(await(store.audit(CLASS))).singleElement().satisfies(entry -> {
            assertThat(entry.teacher()).isEqualTo(ANA);
            assertThat(entry.at()).isEqualTo(at(700));
            assertThat(entry.rollCallId()).isEqualTo(id);
            assertThat(entry.matricula()).isEqualTo(BETO);
            assertThat(entry.from()).contains(AttendanceStatus.ABSENT);
            assertThat(entry.to()).isEqualTo(AttendanceStatus.EXCUSED);
            assertThat(entry.reason()).isEqualTo(new Reason("atestado médico"));
        });
    }

    /** A correction is never a check-in: the student marked present has no check-in, and the close does not make them absent. */
    @Test
    void mark_present_inTheOpenRollCall_addsNoCheckIn_andTheCloseLeavesThemOutOfTheAbsent() {
        await(store.replaceRoster(CLASS, List.of(entry(ALICE), entry(CAUA))));
        openRollCall(CheckInRules.none());

        MarkResult marked = await(store.mark(mark(CAUA, AttendanceStatus.PRESENT, "esqueceu o celular", 60)));
        store = reopen(store);
        CloseResult closed = await(store.close(CLASS, ANA, at(600)));

        assertThat(marked).isInstanceOfSatisfying(MarkResult.Marked.class, result -> assertThat(result.from()).isEmpty());
        assertThat(closed).isInstanceOfSatisfying(CloseResult.Closed.class, result -> {
            assertThat(result.rollCall().present()).isEmpty();
            assertThat(result.rollCall().absent()).containsExactly(ALICE);
        });
        assertThat(await(store.closedRollCalls(CLASS)).getFirst().absent()).containsExactly(ALICE);
    }

    /** What a teacher reads of a roll call carries the corrections, open and closed, before and after a reopen. */
    @Test
    void reads_carryTheCorrections_besideTheCheckIns_openAndClosed() {
        await(store.replaceRoster(CLASS, List.of(entry(ALICE), entry(BETO), entry(CAUA))));
        openRollCall(CheckInRules.none());
        checkIn(ALICE, 60);
        await(store.mark(mark(ALICE, AttendanceStatus.ABSENT, "saiu no intervalo", 120)));
        await(store.mark(mark(CAUA, AttendanceStatus.EXCUSED, "jogos escolares", 121)));

        RollCall open = await(store.openRollCall(CLASS)).orElseThrow();
        store = reopen(store);
        CloseResult closed = await(store.close(CLASS, ANA, at(600)));
        store = reopen(store);
        RollCall read = await(store.closedRollCalls(CLASS)).getFirst();

        Map<Matricula, AttendanceStatus> expected = Map.of(ALICE, AttendanceStatus.ABSENT, BETO, AttendanceStatus.ABSENT,
                CAUA, AttendanceStatus.EXCUSED);
        assertThat(open.statuses()).isEqualTo(Map.of(ALICE, AttendanceStatus.ABSENT, CAUA, AttendanceStatus.EXCUSED));
        assertThat(open.statusOf(open.present().getFirst())).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(open.markedWithoutCheckIn()).containsExactly(CAUA);
        assertThat(closed).isInstanceOfSatisfying(CloseResult.Closed.class,
                result -> assertThat(result.rollCall().statuses()).isEqualTo(expected));
        assertThat(read.statuses()).isEqualTo(expected);
        assertThat(read.absent()).containsExactly(BETO);
        assertThat(read.present()).extracting(CheckIn::matricula).containsExactly(ALICE);
    }

    /** Each reply says the status its own correction changed, even within one millisecond. */
    @Test
    void mark_threeTimesInOneMillisecond_eachReplySaysItsOwnStatusBefore() {
        openRollCall(CheckInRules.none());
        checkIn(ALICE, 60);

        var first = store.mark(mark(ALICE, AttendanceStatus.EXCUSED, "um", 100));
        var second = store.mark(mark(ALICE, AttendanceStatus.ABSENT, "dois", 100));
        var third = store.mark(mark(ALICE, AttendanceStatus.PRESENT, "três", 100));

        assertThat(List.of(await(first), await(second), await(third))).extracting(result -> ((MarkResult.Marked) result).from())
                .containsExactly(Optional.of(AttendanceStatus.PRESENT), Optional.of(AttendanceStatus.EXCUSED),
                        Optional.of(AttendanceStatus.ABSENT));
    }

    /** A student marked absent while the roll call is open is absent at its close, on every store alike. */
    @Test
    void close_afterStudentsWereMarkedAbsentWhileOpen_listsThemAbsent() {
        await(store.replaceRoster(CLASS, List.of(entry(ALICE), entry(BETO), entry(CAUA))));
        openRollCall(CheckInRules.none());
        checkIn(ALICE, 60);
        await(store.mark(mark(ALICE, AttendanceStatus.ABSENT, "saiu", 70)));
        await(store.mark(mark(BETO, AttendanceStatus.ABSENT, "avisou", 71)));

        CloseResult closed = await(store.close(CLASS, ANA, at(600)));

        assertThat(closed).isInstanceOfSatisfying(CloseResult.Closed.class, result -> {
            assertThat(result.rollCall().absent()).containsExactly(BETO, CAUA);
            assertThat(result.rollCall().statusOf(result.rollCall().present().getFirst())).isEqualTo(AttendanceStatus.ABSENT);
        });
    }

    @Test
    void mark_aLateCheckIn_isAuditedFromLate_andASecondMarkFromTheFirst() {
        openRollCall(CheckInRules.none().withLateAfter(Optional.of(Duration.ofMinutes(5))));
        checkIn(ALICE, 400);

        MarkResult first = await(store.mark(mark(ALICE, AttendanceStatus.PRESENT, "ônibus atrasou", 500)));
        MarkResult second = await(store.mark(mark(ALICE, AttendanceStatus.EXCUSED, "consulta", 501)));

        assertThat(first).isInstanceOfSatisfying(MarkResult.Marked.class,
                result -> assertThat(result.from()).contains(AttendanceStatus.LATE));
        assertThat(second).isInstanceOfSatisfying(MarkResult.Marked.class,
                result -> assertThat(result.from()).contains(AttendanceStatus.PRESENT));
        assertThat(await(store.audit(CLASS))).extracting(AuditEntry::to)
                .containsExactly(AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED);
        assertThat(await(store.openRollCall(CLASS)).orElseThrow().present()).extracting(CheckIn::matricula)
                .containsExactly(ALICE);
    }

    @Test
    void mark_pastTheEditWindow_isLocked_butAtItsEndIsNot_andAnAdministratorMayAlways() {
        long id = openRollCall(CheckInRules.none());
        closeRollCall(600);
        OffsetDateTime end = at(600).plus(WINDOW);

        MarkResult atTheEnd = await(store.mark(mark(ALICE, AttendanceStatus.PRESENT, "no prazo", end, false)));
        MarkResult after = await(store.mark(mark(ALICE, AttendanceStatus.EXCUSED, "tarde demais", end.plusNanos(1_000_000),
                false)));
        MarkResult administrator = await(store.mark(mark(ALICE, AttendanceStatus.EXCUSED, "secretaria",
                end.plusDays(30), true)));

        assertThat(atTheEnd).isInstanceOf(MarkResult.Marked.class);
        assertThat(after).isEqualTo(new MarkResult.Locked(CLASS, id, end));
        assertThat(administrator).isInstanceOf(MarkResult.Marked.class);
        assertThat(await(store.audit(CLASS))).extracting(entry -> entry.reason().value())
                .containsExactly("no prazo", "secretaria");
    }

    @Test
    void mark_withoutARollCallNumber_correctsTheClassesLatest_andANumberOfAnotherClassIsNone() {
        openRollCall(CheckInRules.none());
        closeRollCall(600);
        long latest = openRollCall(CheckInRules.none());
        OpenResult other = await(store.open(new ClassId(2020), ANA, CheckInRules.none(), at(10)));
        long otherClassRollCall = ((OpenResult.Opened) other).id();

        MarkResult byDefault = await(store.mark(mark(ALICE, AttendanceStatus.PRESENT, "chegou", 700)));
        MarkResult unknown = await(store.mark(new Mark(CLASS, Optional.of(otherClassRollCall), ALICE,
                AttendanceStatus.PRESENT, new Reason("x"), ANA, at(701), WINDOW, false)));

        assertThat(byDefault).isInstanceOfSatisfying(MarkResult.Marked.class,
                result -> assertThat(result.rollCallId()).isEqualTo(latest));
        assertThat(unknown).isEqualTo(new MarkResult.NoRollCall(CLASS, Optional.of(otherClassRollCall)));
    }

    @Test
    void mark_aClassThatNeverHadARollCall_isNoRollCall() {
        assertThat(await(store.mark(mark(ALICE, AttendanceStatus.PRESENT, "x", 1))))
                .isEqualTo(new MarkResult.NoRollCall(CLASS, Optional.empty()));
        assertThat(await(store.audit(CLASS))).isEmpty();
    }

    /**
     * --retain-days: the roll calls closed before the cutoff go, with their check-ins, statuses
     * and audit records (the one removal the audit's triggers allow); a newer one and an open one
     * stay, and a correction naming a deleted one is refused as unknown.
     */
    @Test
    void deleteClosedBefore_deletesOldRollCallsWithTheirRecords_andKeepsNewerAndOpenOnes() {
        await(store.replaceRoster(CLASS, List.of(entry(ALICE), entry(BETO))));
        long old = openRollCall(CheckInRules.none());
        checkIn(ALICE, 60);
        closeRollCall(600);
        await(store.mark(mark(BETO, AttendanceStatus.EXCUSED, "atestado", 700)));
        await(store.open(CLASS, ANA, CheckInRules.none(), at(1_000)));
        checkIn(BETO, 1_060);
        closeRollCall(1_600);
        await(store.open(CLASS, ANA, CheckInRules.none(), at(2_000)));
        checkIn(ALICE, 2_060);

        int deleted = await(store.deleteClosedBefore(at(800)));
        store = reopen(store);

        assertThat(deleted).isEqualTo(1);
        assertThat(await(store.closedRollCalls(CLASS))).singleElement()
                .satisfies(rollCall -> assertThat(rollCall.openedAt()).isEqualTo(at(1_000)));
        assertThat(await(store.audit(CLASS))).isEmpty();
        assertThat(await(store.openRollCall(CLASS))).isPresent();
        assertThat(await(store.mark(new Mark(CLASS, Optional.of(old), ALICE, AttendanceStatus.PRESENT, new Reason("x"),
                ANA, at(2_100), WINDOW, true)))).isEqualTo(new MarkResult.NoRollCall(CLASS, Optional.of(old)));
        assertThat(await(store.deleteClosedBefore(at(800)))).isZero();
    }

    /** An id is never given twice: not after a purge deleted the highest, nor after a restart. */
    @Test
    void deleteClosedBefore_thenARestart_givesNewRollCallsAndAuditRecordsNewIds() {
        long purgedId = openRollCall(CheckInRules.none());
        closeRollCall(600);
        long purgedAuditId = ((MarkResult.Marked) await(store.mark(mark(ALICE, AttendanceStatus.EXCUSED, "atestado",
                700)))).auditId();
        assertThat(await(store.deleteClosedBefore(at(800)))).isEqualTo(1);
        store = reopen(store);

        OpenResult opened = await(store.open(CLASS, ANA, CheckInRules.none(), at(1_000)));
        MarkResult marked = await(store.mark(mark(ALICE, AttendanceStatus.PRESENT, "esqueceu", 1_060)));

        assertThat(((OpenResult.Opened) opened).id()).isGreaterThan(purgedId);
        assertThat(((MarkResult.Marked) marked).auditId()).isGreaterThan(purgedAuditId);
    }

    /** A roll call still open at a restart is still open to corrections: a week later too, for a teacher. */
    @Test
    void mark_inARollCallOpenAcrossARestart_isNeverLocked() {
        openRollCall(CheckInRules.none());
        store = reopen(store);

        MarkResult marked = await(store.mark(mark(ALICE, AttendanceStatus.PRESENT, "esqueceu o celular",
                at(0).plusDays(8), false)));

        assertThat(marked).isInstanceOf(MarkResult.Marked.class);
    }

    private long openRollCall(CheckInRules rules) {
        OpenResult opened = await(store.open(CLASS, ANA, rules, at(0)));
        assertThat(opened).isInstanceOf(OpenResult.Opened.class);
        return ((OpenResult.Opened) opened).id();
    }

    private void closeRollCall(int second) {
        assertThat(await(store.close(CLASS, ANA, at(second)))).isInstanceOf(CloseResult.Closed.class);
    }

    private void checkIn(Matricula matricula, int second) {
        await(store.checkIn(CheckInAttempt.plain(CLASS, matricula, at(second))));
    }

    private static Mark mark(Matricula matricula, AttendanceStatus status, String reason, int second) {
        return mark(matricula, status, reason, at(second), false);
    }

    private static Mark mark(Matricula matricula, AttendanceStatus status, String reason, OffsetDateTime at,
                             boolean administrator) {
        return new Mark(CLASS, Optional.empty(), matricula, status, new Reason(reason), ANA, at, WINDOW, administrator);
    }

    private static RosterEntry entry(Matricula matricula) {
        return new RosterEntry(matricula, new StudentName("Aluno " + matricula));
    }

    private static OffsetDateTime at(int second) {
        return START.plus(Duration.ofSeconds(second)).atZone(ZONE).toOffsetDateTime();
    }
}
