package chamada.teachers;

import chamada.rollcall.Assignment;
import chamada.rollcall.Caller;
import chamada.rollcall.ClassId;
import chamada.rollcall.ClassTeachers;
import chamada.rollcall.Outcomes;
import chamada.rollcall.TeacherName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Teachers' accounts and class assignments, managed by administrators: the same for every front.
 * What each change comes to is the store's decision ({@link AccountStore}, {@link ClassTeachers}).
 */
public final class TeacherAdministration {

    private static final Logger log = LoggerFactory.getLogger(TeacherAdministration.class);

    private final AccountStore accounts;
    private final ClassTeachers classes;
    private final Function<String, CompletableFuture<PasswordHash>> hasher;

    /** Over {@code accounts} and {@code classes}; a new secret is hashed by {@code hasher}, off the caller's thread. */
    public TeacherAdministration(AccountStore accounts, ClassTeachers classes,
                                 Function<String, CompletableFuture<PasswordHash>> hasher) {
        this.accounts = accounts;
        this.classes = classes;
        this.hasher = hasher;
    }

    /** Every teacher's account, by name; an administrator may read them. */
    public CompletableFuture<List<Account>> accounts(Caller caller) {
        return Outcomes.asAdministrator(caller, administrator -> accounts.accounts());
    }

    /**
     * Does {@code action} to {@code name}'s account: an add or a new secret with {@code secret},
     * an add of an administrator if {@code administrator}. Only an administrator may; the secret
     * is hashed only then, so nobody else can make the server spend a hash.
     */
    public CompletableFuture<AccountChange> change(Caller caller, AccountAction action, TeacherName name,
                                                   Optional<String> secret, boolean administrator) {
        return Outcomes.asAdministrator(caller, by -> hashed(secret).thenCompose(hash -> accounts.changeAccount(
                switch (action) {
                    case ADD -> new AccountEdit.Add(name, hash.orElseThrow(), administrator);
                    case REMOVE -> new AccountEdit.Remove(name);
                    case DISABLE -> new AccountEdit.Disable(name, true);
                    case ENABLE -> new AccountEdit.Disable(name, false);
                    case PASSWD -> new AccountEdit.Password(name, hash.orElseThrow());
                })).thenApply(change -> {
                    if (change instanceof AccountChange.Changed) {
                        log.info("Account of {}: {} by {}{}", name, action.wire(), by,
                                action == AccountAction.ADD && administrator ? " (administrator)" : "");
                    }
                    return change;
                }));
    }

    /** Makes {@code teachers} the teachers of {@code classId} (none: every teacher's class); an administrator may. */
    public CompletableFuture<Assignment> assign(Caller caller, ClassId classId, List<TeacherName> teachers) {
        return Outcomes.asAdministrator(caller, by -> classes.assign(classId, teachers).thenApply(assignment -> {
            if (assignment instanceof Assignment.Assigned assigned) {
                log.info("Teachers of class {} set by {}: {}", classId, by,
                        assigned.teachers().isEmpty() ? "none (every teacher's class)" : assigned.teachers());
            }
            return assignment;
        }));
    }

    /** Every class with teachers assigned; an administrator may read them. */
    public CompletableFuture<Map<ClassId, List<TeacherName>>> assignments(Caller caller) {
        return Outcomes.asAdministrator(caller, administrator -> classes.assignments());
    }

    private CompletableFuture<Optional<PasswordHash>> hashed(Optional<String> secret) {
        return secret.isEmpty() ? CompletableFuture.completedFuture(Optional.empty())
                : hasher.apply(secret.get()).thenApply(Optional::of);
    }
}
