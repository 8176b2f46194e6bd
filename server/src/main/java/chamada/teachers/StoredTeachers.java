package chamada.teachers;

import chamada.error.ChamadaException;
import chamada.rollcall.TeacherName;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The teachers of a server whose store holds accounts: a login checks the account's secret, and
 * every request reads the account again, so that disabling, removing or demoting a teacher on
 * any node holds at that teacher's next request everywhere.
 */
public final class StoredTeachers implements Teachers {

    private final AccountStore store;
    private final PasswordHash dummy = PasswordHash.dummy();

    public StoredTeachers(AccountStore store) {
        this.store = store;
    }

    @Override
    public boolean openMode() {
        return false;
    }

    /**
     * The teacher whose enabled account matches both name and secret. An unknown name or a
     * disabled account still costs one PBKDF2 run, so the reply time does not tell which
     * names exist.
     */
    @Override
    public Optional<TeacherName> authenticate(String name, String secret) {
        Optional<TeacherName> login = loginName(name);
        Optional<Account> account = login.flatMap(teacher -> store.account(teacher).join())
                .filter(found -> !found.disabled());
        if (account.isEmpty()) {
            dummy.matches(secret);
            return Optional.empty();
        }
        return account.get().hash().matches(secret) ? login : Optional.empty();
    }

    @Override
    public CompletableFuture<Optional<Role>> role(TeacherName name) {
        return store.account(name).thenApply(account -> account.flatMap(Account::role));
    }

    @Override
    public String toString() {
        return "StoredTeachers";
    }

    private static Optional<TeacherName> loginName(String name) {
        try {
            return Optional.of(TeacherName.ofLogin(name));
        } catch (ChamadaException e) {
            return Optional.empty();
        }
    }
}
