package chamada.teachers;

import chamada.rollcall.TeacherName;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where teachers' accounts are kept: the same store as the roll calls, so that every node of a
 * cluster sees one set of accounts, and a change holds at each node's next request.
 *
 * <p>Contract (the store contract suite checks it for every store):
 * <ul>
 *   <li>An add of an existing name is {@code AlreadyExists}; remove, disable, enable and a new
 *       secret of an unknown name are {@code UnknownTeacher}.</li>
 *   <li>A remove or disable of the only enabled administrator while other accounts remain is
 *       {@code LastAdministrator}, decided atomically: two at once cannot both pass.</li>
 *   <li>A remove or a new secret of an account from the teachers file is {@code FromFile};
 *       disable and enable apply to every account.</li>
 *   <li>{@link #importTeachers} makes the file's teachers the store's file accounts: added,
 *       or their secret and administrator flag set from the file (a disabled one stays
 *       disabled), and the file accounts no longer in the file removed. Accounts added by an
 *       administrator are left alone, but one with a name the file lists becomes the file's.</li>
 *   <li>Removing a teacher removes their class assignments.</li>
 *   <li>Every change is durable before its future completes.</li>
 * </ul>
 */
public interface AccountStore {

    /** The account named {@code name}, enabled or not. */
    CompletableFuture<Optional<Account>> account(TeacherName name);

    /** Every account, by name. */
    CompletableFuture<List<Account>> accounts();

    CompletableFuture<AccountChange> changeAccount(AccountEdit edit);

    /** Makes {@code teachers}, read from the teachers file, the file's accounts; answers how many accounts there are. */
    CompletableFuture<Integer> importTeachers(List<FileTeacher> teachers);
}
