package chamada.roster;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.Caller;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.Outcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Who may do what with rosters, the same for every front: a teacher replaces and reads a
 * class's roster. What a roster means for a check-in is the store's decision ({@link RosterStore}).
 */
public final class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    private final RosterStore store;

    public RosterService(RosterStore store) {
        this.store = store;
    }

    /**
     * Makes {@code students} the whole roster of {@code classId} (none left when empty); a
     * teacher may. Refused, with nothing changed, if a matrícula appears twice or there are
     * more than {@link Roster#MAX_STUDENTS}.
     */
    public CompletableFuture<RosterChange> replace(Caller caller, ClassId classId, List<RosterEntry> students) {
        return Outcomes.asTeacher(caller, teacher -> {
            if (students.size() > Roster.MAX_STUDENTS) {
                return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.ROSTER_TOO_LARGE,
                        Roster.MAX_STUDENTS, students.size()));
            }
            Set<Matricula> seen = new HashSet<>();
            for (RosterEntry entry : students) {
                if (!seen.add(entry.matricula())) {
                    return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.ROSTER_DUPLICATE,
                            entry.matricula()));
                }
            }
            return store.replaceRoster(classId, students).thenApply(change -> {
                log.info("Roster of class {} replaced by {}: {} students ({} added, {} renamed, {} removed)", classId,
                        teacher, change.total(), change.added(), change.renamed(), change.removed());
                return change;
            });
        });
    }

    /** The roster of {@code classId}, by name; a teacher may read it. */
    public CompletableFuture<Roster> roster(Caller caller, ClassId classId) {
        return Outcomes.asTeacher(caller, teacher -> store.roster(classId));
    }
}
