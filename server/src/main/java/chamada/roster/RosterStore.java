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
 *       refusal comes after the code's and a repeat's (a student present before the roster
 *       changed is still "already registered"), and before the device's.</li>
 * </ul>
 */
public interface RosterStore {

    /**
     * Replaces the roster of {@code classId} by {@code students}; fails with the
     * {@link chamada.error.ChamadaException} of {@link Roster#refusal}, writing nothing, if they
     * repeat a matrícula or are too many.
     */
    CompletableFuture<RosterChange> replaceRoster(ClassId classId, List<RosterEntry> students);

    /** The roster of {@code classId} as it stands, by name; empty if it has none. */
    CompletableFuture<Roster> roster(ClassId classId);

    /**
     * The names of the roster of {@code classId} as it stands, for a teacher's view of a roll
     * call: read in the store's order, as a status is, without waiting for anything else.
     */
    CompletableFuture<RosterNames> names(ClassId classId);
}
