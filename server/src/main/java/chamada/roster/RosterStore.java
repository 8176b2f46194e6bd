package chamada.roster;

import chamada.rollcall.ClassId;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where class rosters are kept: the same store as the roll calls, because its check-in rule
 * reads them ({@link chamada.rollcall.CheckInResult.NotInRoster}).
 *
 * <p>Contract (the store contract suite checks it for every store):
 * <ul>
 *   <li>{@link #replaceRoster} makes {@code students} the class's whole roster in one atomic
 *       step: a check-in decided after its future completes is decided by the new roster, one
 *       decided before by the old, never by a part of either; an empty list leaves the class
 *       without a roster. Its outcome counts what changed. Durable before it completes.</li>
 *   <li>A check-in into a class with a roster, by a matrícula not on it, is refused with
 *       {@code NotInRoster} unless the roll call's rules accept unknown matrículas; the
 *       refusal comes after the code's and before a repeat's.</li>
 * </ul>
 */
public interface RosterStore {

    /** Replaces the roster of {@code classId} by {@code students}: distinct matrículas, at most {@link Roster#MAX_STUDENTS}. */
    CompletableFuture<RosterChange> replaceRoster(ClassId classId, List<RosterEntry> students);

    /** The roster of {@code classId} as it stands; empty if it has none. */
    CompletableFuture<Roster> roster(ClassId classId);
}
