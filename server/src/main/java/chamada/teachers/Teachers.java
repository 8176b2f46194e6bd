package chamada.teachers;

import chamada.rollcall.TeacherName;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Who may log in as a teacher, and what each may do. */
public interface Teachers {

    /**
     * The teachers of a server over {@code store}: with a teachers {@code file}, its teachers are
     * imported first ({@link AccountStore#importTeachers}); a store without accounts and a server
     * without a file run in {@link OpenMode}, until a start that finds accounts. Waits for the store.
     */
    static Teachers of(AccountStore store, Optional<TeachersFile> file) {
        if (file.isPresent()) {
            store.importTeachers(file.get().teachers()).join();
            return new StoredTeachers(store);
        }
        return store.accounts().join().isEmpty() ? new OpenMode() : new StoredTeachers(store);
    }

    /**
     * Whether the server runs without teachers' accounts: then anybody may act as a teacher and
     * as an administrator, and {@code login} is accepted without checking the secret.
     */
    boolean openMode();

    /**
     * The teacher these credentials belong to, or empty if the name is unknown, the account
     * disabled or the secret wrong. Slow by design (a password hash), and it may wait for the
     * store: called only off the fronts' threads.
     */
    Optional<TeacherName> authenticate(String name, String secret);

    /**
     * What {@code name} may do now, read at each request so that a change made on any node holds
     * at once: empty if the account was removed or disabled since the teacher logged in.
     */
    CompletableFuture<Optional<Role>> role(TeacherName name);
}
