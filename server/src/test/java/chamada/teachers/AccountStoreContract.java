package chamada.teachers;

import chamada.rollcall.Assignment;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.store.ChamadaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules of teachers' accounts and class assignments every store keeps, as
 * {@link AccountStore}'s and {@link chamada.rollcall.ClassTeachers}'s Javadoc state them. A store
 * runs it by extending this class.
 */
public abstract class AccountStoreContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** Cheap hashes (1,000 iterations) of two secrets, so the suite spends no time hashing. */
    private static final PasswordHash FIRST = PasswordHash.parse(
            "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$VYHFlBMF+l3a5tLUVKqUQrPYY8Ij03Qt8PY9YfiJkgc=");
    private static final PasswordHash SECOND = PasswordHash.parse(
            "pbkdf2-sha256$1000$ZmVkY2JhOTg3NjU0MzIxMA==$VYHFlBMF+l3a5tLUVKqUQrPYY8Ij03Qt8PY9YfiJkgc=");
    private static final TeacherName ANA = new TeacherName("ana");
    private static final TeacherName BIA = new TeacherName("bia");
    private static final TeacherName DIRETORA = new TeacherName("diretora");
    private static final TeacherName VICE = new TeacherName("vice");
    private static final ClassId CLASS = new ClassId(1010);
    private static final ClassId OTHER_CLASS = new ClassId(2020);

    protected ChamadaStore store;

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
    void accounts_newStore_hasNone() {
        assertThat(await(store.accounts())).isEmpty();
        assertThat(await(store.account(ANA))).isEmpty();
    }

    @Test
    void add_thenRead_givesTheAccountWithItsFlags() {
        assertThat(change(new AccountEdit.Add(DIRETORA, FIRST, true))).isEqualTo(new AccountChange.Changed(DIRETORA));
        change(new AccountEdit.Add(ANA, SECOND, false));

        assertThat(await(store.accounts())).extracting(Account::name, Account::administrator, Account::disabled,
                Account::fromFile).containsExactly(tuple(ANA, false, false, false), tuple(DIRETORA, true, false, false));
        assertThat(await(store.account(DIRETORA)).orElseThrow().hash().encoded()).isEqualTo(FIRST.encoded());
    }

    @Test
    void add_existingName_isAlreadyExistsAndKeepsTheSecret() {
        change(new AccountEdit.Add(ANA, FIRST, false));

        assertThat(change(new AccountEdit.Add(ANA, SECOND, true))).isEqualTo(new AccountChange.AlreadyExists(ANA));
        Account account = await(store.account(ANA)).orElseThrow();
        assertThat(account.hash().encoded()).isEqualTo(FIRST.encoded());
        assertThat(account.administrator()).isFalse();
    }

    @Test
    void changes_ofAnUnknownName_areUnknownTeacher() {
        assertThat(change(new AccountEdit.Remove(ANA))).isEqualTo(new AccountChange.UnknownTeacher(ANA));
        assertThat(change(new AccountEdit.Disable(ANA, true))).isEqualTo(new AccountChange.UnknownTeacher(ANA));
        assertThat(change(new AccountEdit.Disable(ANA, false))).isEqualTo(new AccountChange.UnknownTeacher(ANA));
        assertThat(change(new AccountEdit.Password(ANA, FIRST))).isEqualTo(new AccountChange.UnknownTeacher(ANA));
        assertThat(await(store.accounts())).isEmpty();
    }

    @Test
    void disableEnablePasswordRemove_changeTheAccount() {
        change(new AccountEdit.Add(ANA, FIRST, false));

        change(new AccountEdit.Disable(ANA, true));
        assertThat(await(store.account(ANA)).orElseThrow().role()).isEmpty();
        change(new AccountEdit.Disable(ANA, false));
        assertThat(await(store.account(ANA)).orElseThrow().role()).contains(Role.TEACHER);
        change(new AccountEdit.Password(ANA, SECOND));
        assertThat(await(store.account(ANA)).orElseThrow().hash().encoded()).isEqualTo(SECOND.encoded());
        assertThat(change(new AccountEdit.Remove(ANA))).isEqualTo(new AccountChange.Changed(ANA));
        assertThat(await(store.account(ANA))).isEmpty();
    }

    @Test
    void removeOrDisable_ofTheOnlyEnabledAdministrator_isLastAdministratorWhileOthersRemain() {
        change(new AccountEdit.Add(DIRETORA, FIRST, true));
        change(new AccountEdit.Add(ANA, FIRST, false));

        assertThat(change(new AccountEdit.Remove(DIRETORA))).isEqualTo(new AccountChange.LastAdministrator(DIRETORA));
        assertThat(change(new AccountEdit.Disable(DIRETORA, true)))
                .isEqualTo(new AccountChange.LastAdministrator(DIRETORA));
        assertThat(await(store.account(DIRETORA)).orElseThrow().role()).contains(Role.ADMINISTRATOR);

        change(new AccountEdit.Add(VICE, FIRST, true));
        assertThat(change(new AccountEdit.Disable(DIRETORA, true))).isEqualTo(new AccountChange.Changed(DIRETORA));
        assertThat(change(new AccountEdit.Remove(VICE))).isEqualTo(new AccountChange.LastAdministrator(VICE));
    }

    @Test
    void remove_ofTheOnlyAccount_isAllowedEvenIfAnAdministrator() {
        change(new AccountEdit.Add(DIRETORA, FIRST, true));

        assertThat(change(new AccountEdit.Remove(DIRETORA))).isEqualTo(new AccountChange.Changed(DIRETORA));
        assertThat(await(store.accounts())).isEmpty();
    }

    @Test
    void disable_twoAdministratorsAtOnce_leavesOneEnabled() {
        change(new AccountEdit.Add(DIRETORA, FIRST, true));
        change(new AccountEdit.Add(VICE, FIRST, true));
        change(new AccountEdit.Add(ANA, FIRST, false));

        CompletableFuture<AccountChange> first = store.changeAccount(new AccountEdit.Disable(DIRETORA, true));
        CompletableFuture<AccountChange> second = store.changeAccount(new AccountEdit.Disable(VICE, true));

        assertThat(List.of(await(first), await(second))).filteredOn(AccountChange.Changed.class::isInstance).hasSize(1);
        assertThat(await(store.accounts())).filteredOn(account -> account.role().equals(Optional.of(Role.ADMINISTRATOR)))
                .hasSize(1);
    }

    @Test
    void importTeachers_addsUpdatesAndRemovesOnlyTheFilesAccounts() {
        change(new AccountEdit.Add(BIA, SECOND, false));
        assertThat(await(store.importTeachers(List.of(new FileTeacher(ANA, FIRST, false),
                new FileTeacher(DIRETORA, FIRST, true))))).isEqualTo(3);
        change(new AccountEdit.Disable(ANA, true));

        assertThat(await(store.importTeachers(List.of(new FileTeacher(ANA, SECOND, true),
                new FileTeacher(BIA, FIRST, false))))).isEqualTo(2);

        assertThat(await(store.accounts())).extracting(Account::name, Account::administrator, Account::disabled,
                Account::fromFile).containsExactly(tuple(ANA, true, true, true), tuple(BIA, false, false, true));
        assertThat(await(store.account(ANA)).orElseThrow().hash().encoded()).isEqualTo(SECOND.encoded());
        assertThat(await(store.account(BIA)).orElseThrow().hash().encoded()).isEqualTo(FIRST.encoded());
    }

    @Test
    void removeOrPassword_ofAFileAccount_isFromFile_butDisableApplies() {
        await(store.importTeachers(List.of(new FileTeacher(ANA, FIRST, false))));

        assertThat(change(new AccountEdit.Remove(ANA))).isEqualTo(new AccountChange.FromFile(ANA));
        assertThat(change(new AccountEdit.Password(ANA, SECOND))).isEqualTo(new AccountChange.FromFile(ANA));
        assertThat(change(new AccountEdit.Disable(ANA, true))).isEqualTo(new AccountChange.Changed(ANA));
        assertThat(await(store.account(ANA)).orElseThrow().disabled()).isTrue();
    }

    @Test
    void assign_setsTheClassesTeachersByName_andAnEmptyListUnassigns() {
        change(new AccountEdit.Add(BIA, FIRST, false));
        change(new AccountEdit.Add(ANA, FIRST, false));

        assertThat(await(store.assign(CLASS, List.of(BIA, ANA, BIA))))
                .isEqualTo(new Assignment.Assigned(CLASS, List.of(ANA, BIA)));
        await(store.assign(OTHER_CLASS, List.of(BIA)));

        assertThat(await(store.teachersOf(CLASS))).containsExactlyInAnyOrder(ANA, BIA);
        assertThat(await(store.assignments())).isEqualTo(Map.of(CLASS, List.of(ANA, BIA), OTHER_CLASS, List.of(BIA)));
        assertThat(await(store.assign(CLASS, List.of()))).isEqualTo(new Assignment.Assigned(CLASS, List.of()));
        assertThat(await(store.teachersOf(CLASS))).isEmpty();
        assertThat(await(store.teachersOf(OTHER_CLASS))).containsExactly(BIA);
    }

    @Test
    void assign_aNameWithoutAccount_isUnknownTeacherAndChangesNothing() {
        change(new AccountEdit.Add(ANA, FIRST, false));
        await(store.assign(CLASS, List.of(ANA)));

        assertThat(await(store.assign(CLASS, List.of(ANA, BIA)))).isEqualTo(new Assignment.UnknownTeacher(CLASS, BIA));
        assertThat(await(store.assign(CLASS, List.of(TeacherName.OPEN_MODE))))
                .isEqualTo(new Assignment.UnknownTeacher(CLASS, TeacherName.OPEN_MODE));
        assertThat(await(store.teachersOf(CLASS))).containsExactly(ANA);
    }

    @Test
    void remove_ofAnAssignedTeacher_removesTheirAssignments() {
        change(new AccountEdit.Add(ANA, FIRST, false));
        change(new AccountEdit.Add(BIA, FIRST, false));
        await(store.assign(CLASS, List.of(ANA, BIA)));

        change(new AccountEdit.Remove(ANA));

        assertThat(await(store.teachersOf(CLASS))).containsExactly(BIA);
    }

    @Test
    void classDefaults_setReadCleared_andSurviveAReopen() {
        assertThat(await(store.lateAfterOf(CLASS))).isEmpty();

        assertThat(await(store.setLateAfter(CLASS, Optional.of(Duration.ofMinutes(10)))))
                .contains(Duration.ofMinutes(10));
        store = reopen(store);

        assertThat(await(store.lateAfterOf(CLASS))).contains(Duration.ofMinutes(10));
        assertThat(await(store.lateAfterOf(OTHER_CLASS))).isEmpty();
        await(store.setLateAfter(CLASS, Optional.empty()));
        assertThat(await(store.lateAfterOf(CLASS))).isEmpty();
    }

    @Test
    void accountsAndAssignments_surviveAReopen() {
        change(new AccountEdit.Add(DIRETORA, FIRST, true));
        change(new AccountEdit.Add(ANA, SECOND, false));
        change(new AccountEdit.Disable(ANA, true));
        await(store.assign(CLASS, List.of(ANA)));

        store = reopen(store);

        assertThat(await(store.accounts())).extracting(Account::name, Account::administrator, Account::disabled)
                .containsExactly(tuple(ANA, false, true), tuple(DIRETORA, true, false));
        assertThat(await(store.teachersOf(CLASS))).containsExactly(ANA);
    }

    private AccountChange change(AccountEdit edit) {
        return await(store.changeAccount(edit));
    }
}
