package chamada.roster;

import chamada.error.ChamadaException;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.TeacherName;
import chamada.store.ChamadaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roster rules every store keeps, as {@link RosterStore}'s Javadoc states them: a roster
 * replaced whole and counted, a check-in by a matrícula not on it refused unless the roll call
 * accepts unknown matrículas, the order of that refusal among the others, the roster's students
 * without a check-in absent at the close, lateness, and all of it surviving a reopen. A store
 * runs it by extending this class.
 */
public abstract class RosterStoreContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final ClassId CLASS = new ClassId(1010);
    private static final ClassId OTHER_CLASS = new ClassId(2020);
    private static final TeacherName ANA = new TeacherName("ana");
    private static final RosterEntry ALICE = entry("042191010", "Alice Souza");
    private static final RosterEntry BETO = entry("205182055", "Beto Lima");
    private static final RosterEntry CAUA = entry("7", "Cauã Ribeiro");
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
    void roster_classWithoutOne_isEmpty() {
        assertThat(await(store.roster(CLASS)).students()).isEmpty();
    }

    @Test
    void replaceRoster_newClass_addsEveryStudentAndListsThemByName() {
        RosterChange change = await(store.replaceRoster(CLASS, List.of(CAUA, BETO, ALICE)));

        assertThat(change).isEqualTo(new RosterChange(CLASS, 3, 0, 0, 3));
        assertThat(await(store.roster(CLASS)).students()).containsExactly(ALICE, BETO, CAUA);
        assertThat(await(store.roster(OTHER_CLASS)).students()).isEmpty();
    }

    @Test
    void replaceRoster_again_countsAddedRenamedAndRemovedAndKeepsOnlyTheNewOnes() {
        await(store.replaceRoster(CLASS, List.of(ALICE, BETO)));
        RosterEntry renamedBeto = entry(BETO.matricula().value(), "Roberto Lima");

        RosterChange change = await(store.replaceRoster(CLASS, List.of(renamedBeto, CAUA)));

        assertThat(change).isEqualTo(new RosterChange(CLASS, 1, 1, 1, 2));
        assertThat(await(store.roster(CLASS)).students()).containsExactly(CAUA, renamedBeto);
    }

    @Test
    void replaceRoster_empty_leavesTheClassWithoutOne_andAnyMatriculaChecksInAgain() {
        await(store.replaceRoster(CLASS, List.of(ALICE)));

        RosterChange change = await(store.replaceRoster(CLASS, List.of()));
        openRollCall(CheckInRules.none());

        assertThat(change).isEqualTo(new RosterChange(CLASS, 0, 0, 1, 0));
        assertThat(await(store.roster(CLASS)).students()).isEmpty();
        assertThat(checkIn(BETO.matricula(), Optional.empty(), 1)).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void checkIn_notOnTheRoster_isNotInRosterAndWritesNothing() {
        await(store.replaceRoster(CLASS, List.of(ALICE)));
        openRollCall(CheckInRules.none());

        CheckInResult result = checkIn(BETO.matricula(), Optional.empty(), 1);

        assertThat(result).isEqualTo(new CheckInResult.NotInRoster(CLASS, BETO.matricula(), at(1)));
        assertThat(present()).isEmpty();
    }

    @Test
    void checkIn_onTheRoster_isRegistered() {
        await(store.replaceRoster(CLASS, List.of(ALICE, BETO)));
        openRollCall(CheckInRules.none());

        assertThat(checkIn(ALICE.matricula(), Optional.empty(), 1)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(present()).containsExactly(ALICE.matricula());
    }

    @Test
    void checkIn_classWithoutARoster_acceptsAnyMatricula() {
        await(store.replaceRoster(OTHER_CLASS, List.of(ALICE)));
        openRollCall(CheckInRules.none());

        assertThat(checkIn(BETO.matricula(), Optional.empty(), 1)).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void checkIn_notOnTheRosterOfARollCallThatAcceptsUnknown_isRegistered() {
        await(store.replaceRoster(CLASS, List.of(ALICE)));
        openRollCall(CheckInRules.none().withAcceptUnknown(true));

        assertThat(checkIn(BETO.matricula(), Optional.empty(), 1)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(checkIn(ALICE.matricula(), Optional.empty(), 2)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(present()).containsExactly(BETO.matricula(), ALICE.matricula());
    }

    @Test
    void checkIn_withoutTheCodeAndNotOnTheRoster_isCodeRequired_theCodeComesFirst() {
        await(store.replaceRoster(CLASS, List.of(ALICE)));
        openRollCall(CheckInRules.of(CodePolicy.FIXED, CheckInRules.DEFAULT_PERIOD, CheckInRules.DEFAULT_GRACE, false));

        assertThat(checkIn(BETO.matricula(), Optional.empty(), 1)).isInstanceOf(CheckInResult.CodeRequired.class);
    }

    /** A repeat comes before the roster: a student present before the roster changed is still present. */
    @Test
    void checkIn_again_byAStudentPresentAndSinceTakenOffTheRoster_isAlreadyRegistered() {
        await(store.replaceRoster(CLASS, List.of(ALICE, BETO)));
        openRollCall(CheckInRules.none());
        checkIn(BETO.matricula(), Optional.empty(), 1);
        await(store.replaceRoster(CLASS, List.of(ALICE)));

        assertThat(checkIn(BETO.matricula(), Optional.empty(), 2))
                .isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, at(1)));
    }

    /** The roster comes before the device: a phone cannot replace its check-in by a matrícula not on it. */
    @Test
    void checkIn_fromADeviceReplacingItsCheckInByAMatriculaNotOnTheRoster_isNotInRoster() {
        await(store.replaceRoster(CLASS, List.of(ALICE)));
        openRollCall(CheckInRules.none());
        DeviceId phone = new DeviceId("phone-of-alice-0001");
        await(store.checkIn(new CheckInAttempt(CLASS, ALICE.matricula(), Optional.empty(), Optional.of(phone), at(1))));

        CheckInResult replacement = await(store.checkIn(new CheckInAttempt(CLASS, BETO.matricula(), Optional.empty(),
                Optional.of(phone), at(2))));

        assertThat(replacement).isInstanceOf(CheckInResult.NotInRoster.class);
        assertThat(present()).containsExactly(ALICE.matricula());
    }

    @Test
    void replaceRoster_aMatriculaTwice_isRefusedAndWritesNothing() {
        await(store.replaceRoster(CLASS, List.of(ALICE)));

        CompletableFuture<RosterChange> twice = store.replaceRoster(CLASS, List.of(BETO, entry(BETO.matricula().value(), "Outro")));

        assertThatThrownBy(twice::join).hasCauseInstanceOf(ChamadaException.class);
        store = reopen(store);
        assertThat(await(store.roster(CLASS)).students()).containsExactly(ALICE);
    }

    @Test
    void checkIn_afterTheRosterIsReplacedDuringTheRollCall_followsTheNewRoster() {
        await(store.replaceRoster(CLASS, List.of(ALICE)));
        openRollCall(CheckInRules.none());
        assertThat(checkIn(BETO.matricula(), Optional.empty(), 1)).isInstanceOf(CheckInResult.NotInRoster.class);

        await(store.replaceRoster(CLASS, List.of(ALICE, BETO)));

        assertThat(checkIn(BETO.matricula(), Optional.empty(), 2)).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void reopen_keepsTheRosterAndARollCallsChoiceToAcceptUnknown() {
        await(store.replaceRoster(CLASS, List.of(ALICE, CAUA)));
        await(store.replaceRoster(OTHER_CLASS, List.of(BETO)));
        openRollCall(CheckInRules.none());
        assertThat(await(store.open(OTHER_CLASS, ANA, CheckInRules.none().withAcceptUnknown(true), at(0))))
                .isInstanceOf(OpenResult.Opened.class);

        store = reopen(store);

        assertThat(await(store.roster(CLASS)).students()).containsExactly(ALICE, CAUA);
        assertThat(checkIn(BETO.matricula(), Optional.empty(), 1)).isInstanceOf(CheckInResult.NotInRoster.class);
        assertThat(await(store.checkIn(CheckInAttempt.plain(OTHER_CLASS, ALICE.matricula(), at(2)))))
                .isInstanceOf(CheckInResult.Registered.class);
        assertThat(await(store.openRollCall(OTHER_CLASS)).orElseThrow().rules().acceptUnknown()).isTrue();
    }

    /** A large roster with the longest names and matrículas: on the embedded store, one journal record well past the usual size. */
    @Test
    void replaceRoster_fiveThousandLongestEntries_isKeptWholeAcrossAReopen() {
        List<RosterEntry> students = new ArrayList<>();
        IntStream.range(0, Roster.MAX_STUDENTS).forEach(i -> students.add(entry(
                String.format("%020d", i), "Ção".repeat(StudentName.MAX_LENGTH / 3) + i % 10)));

        RosterChange change = await(store.replaceRoster(CLASS, students));
        store = reopen(store);

        assertThat(change.total()).isEqualTo(Roster.MAX_STUDENTS);
        assertThat(await(store.roster(CLASS)).students()).containsExactlyInAnyOrderElementsOf(students);
        openRollCall(CheckInRules.none());
        assertThat(checkIn(students.get(4_321).matricula(), Optional.empty(), 1))
                .isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void close_rosterStudentsWithoutACheckIn_areAbsent_andStaySoWhenTheRosterChangesAfter() {
        await(store.replaceRoster(CLASS, List.of(ALICE, BETO, CAUA)));
        openRollCall(CheckInRules.none().withAcceptUnknown(true));
        checkIn(BETO.matricula(), Optional.empty(), 1);
        checkIn(new Matricula("99"), Optional.empty(), 2);

        CloseResult closed = await(store.close(CLASS, ANA, at(3_000)));
        await(store.replaceRoster(CLASS, List.of(ALICE)));
        store = reopen(store);

        assertThat(closed).isInstanceOfSatisfying(CloseResult.Closed.class, result -> assertThat(result.rollCall().absent())
                .containsExactly(ALICE.matricula(), CAUA.matricula()));
        assertThat(await(store.closedRollCalls(CLASS))).singleElement().satisfies(rollCall -> {
            assertThat(rollCall.absent()).containsExactly(ALICE.matricula(), CAUA.matricula());
            assertThat(rollCall.present()).extracting(CheckIn::matricula).containsExactly(BETO.matricula(), new Matricula("99"));
        });
    }

    @Test
    void close_classWithoutARoster_hasNobodyAbsent() {
        await(store.replaceRoster(OTHER_CLASS, List.of(ALICE)));
        openRollCall(CheckInRules.none());

        CloseResult closed = await(store.close(CLASS, ANA, at(60)));

        assertThat(closed).isInstanceOfSatisfying(CloseResult.Closed.class,
                result -> assertThat(result.rollCall().absent()).isEmpty());
        assertThat(await(store.closedRollCalls(CLASS)).getFirst().absent()).isEmpty();
    }

    /** Late is strictly after: at the minute itself a student is on time. */
    @Test
    void checkIn_afterLateAfter_isLate_atItIsNot_andARepeatSaysWhatTheFirstWas() {
        openRollCall(CheckInRules.none().withLateAfter(Optional.of(Duration.ofMinutes(10))));

        CheckInResult onTime = checkIn(ALICE.matricula(), Optional.empty(), 600);
        CheckInResult late = await(store.checkIn(new CheckInAttempt(CLASS, BETO.matricula(), Optional.empty(),
                Optional.empty(), at(600).plusNanos(1_000_000))));
        CheckInResult repeat = checkIn(BETO.matricula(), Optional.empty(), 700);
        store = reopen(store);
        CheckInResult afterReopen = checkIn(CAUA.matricula(), Optional.empty(), 601);

        assertThat(onTime).isEqualTo(new CheckInResult.Registered(CLASS, at(600), false));
        assertThat(late).isEqualTo(new CheckInResult.Registered(CLASS, at(600).plusNanos(1_000_000), true));
        assertThat(repeat).isEqualTo(new CheckInResult.AlreadyRegistered(CLASS, at(600).plusNanos(1_000_000), true));
        assertThat(afterReopen.late()).isTrue();
        assertThat(await(store.openRollCall(CLASS)).orElseThrow().rules().lateAfter()).contains(Duration.ofMinutes(10));
    }

    @Test
    void checkIn_rollCallWithoutLateAfter_isNeverLate() {
        openRollCall(CheckInRules.none());

        assertThat(checkIn(ALICE.matricula(), Optional.empty(), 11 * 3_600).late()).isFalse();
    }

    private void openRollCall(CheckInRules rules) {
        assertThat(await(store.open(CLASS, ANA, rules, at(0)))).isInstanceOf(OpenResult.Opened.class);
    }

    private CheckInResult checkIn(Matricula matricula, Optional<String> code, int second) {
        return await(store.checkIn(new CheckInAttempt(CLASS, matricula, code, Optional.empty(), at(second))));
    }

    private List<Matricula> present() {
        return await(store.openRollCall(CLASS)).orElseThrow().present().stream().map(CheckIn::matricula).toList();
    }

    private static OffsetDateTime at(int second) {
        return START.plus(Duration.ofSeconds(second)).atZone(ZONE).toOffsetDateTime();
    }

    private static RosterEntry entry(String matricula, String name) {
        return new RosterEntry(new Matricula(matricula), new StudentName(name));
    }
}
