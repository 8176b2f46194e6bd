package chamada.roster;

import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
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
import java.util.stream.IntStream;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster rules every store keeps, as {@link RosterStore}'s Javadoc states them: a roster
 * replaced whole and counted, a check-in by a matrícula not on it refused unless the roll call
 * accepts unknown matrículas, the order of that refusal among the others, and rosters that
 * survive a reopen. A store runs it by extending this class.
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
