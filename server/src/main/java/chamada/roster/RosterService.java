package chamada.roster;

import chamada.rollcall.Caller;
import chamada.rollcall.ClassAccess;
import chamada.rollcall.ClassId;
import chamada.rollcall.ClassTeachers;
import chamada.rollcall.Outcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Who may do what with rosters, the same for every front: a teacher replaces and reads a
 * class's roster. What a roster means for a check-in is the store's decision ({@link RosterStore}).
 */
public final class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    private final RosterStore store;
    private final ClassTeachers classes;

    public RosterService(RosterStore store, ClassTeachers classes) {
        this.store = store;
        this.classes = classes;
    }

    /**
     * Makes {@code students} the whole roster of {@code classId} (none left when empty); a
     * teacher of the class may. The store refuses too many students or a matrícula twice ({@link Roster#refusal}).
     */
    public CompletableFuture<RosterChange> replace(Caller caller, ClassId classId, List<RosterEntry> students) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.replaceRoster(classId, students)
                .thenApply(change -> {
            log.info("Roster of class {} replaced by {}: {} students ({} added, {} renamed, {} removed)", classId,
                    teacher.name(), change.total(), change.added(), change.renamed(), change.removed());
            return change;
        }));
    }

    /** The roster of {@code classId}, by name; a teacher of the class may read it. */
    public CompletableFuture<Roster> roster(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.roster(classId));
    }

    /**
     * The names of the roster of {@code classId}, for a teacher's view of one of its roll calls,
     * which that view's own request was allowed to read ({@link ClassAccess}); none if they cannot be read now: the names never hold up, or fail, the roll call's reply.
     */
    public CompletableFuture<RosterNames> names(Caller caller, ClassId classId) {
        return Outcomes.asTeacher(caller, teacher -> store.names(classId)).exceptionally(failure -> {
            log.debug("The names of class {} could not be read: {}", classId, failure.toString());
            return RosterNames.none();
        });
    }
}
