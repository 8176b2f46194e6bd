package chamada.rollcall;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which teachers each class is assigned to, kept with the teachers' accounts.
 *
 * <p>Contract (the store contract suite checks it for every store): {@link #assign} replaces the
 * class's teachers at once, durable before it completes; an empty list leaves the class without
 * any; a name without an account is {@code UnknownTeacher} and changes nothing. Removing an
 * account removes its assignments.
 */
public interface ClassTeachers {

    /** The teachers assigned to {@code classId}; empty if it has none (then every teacher's). */
    CompletableFuture<Set<TeacherName>> teachersOf(ClassId classId);

    CompletableFuture<Assignment> assign(ClassId classId, List<TeacherName> teachers);

    /** Every class with teachers assigned, by class number, each's teachers by name. */
    CompletableFuture<Map<ClassId, List<TeacherName>>> assignments();
}
