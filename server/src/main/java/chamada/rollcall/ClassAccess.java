package chamada.rollcall;

import java.util.Set;

/**
 * How far a teacher may act on a class: the one place the class-assignment rule is decided,
 * for every feature and every front.
 *
 * <p>A class with assigned teachers is theirs and the administrators': only they open, close,
 * correct, read or give it a roster. A class with none is every teacher's, as before
 * assignments existed: any teacher opens it, and its opener (or an administrator) closes it.
 */
public enum ClassAccess {
    /** Not this teacher's class. */
    REFUSED,
    /** A class nobody is assigned to: the teacher closes only the roll calls they opened. */
    ANY_TEACHER,
    /** One of the class's assigned teachers: closes any of its roll calls. */
    ASSIGNED,
    /** An administrator: everything, in every class. */
    ADMINISTRATOR;

    /** {@code teacher}'s access to a class whose assigned teachers are {@code assigned}. */
    public static ClassAccess of(Caller.Teacher teacher, Set<TeacherName> assigned) {
        if (teacher.administrator()) {
            return ADMINISTRATOR;
        }
        if (assigned.isEmpty()) {
            return ANY_TEACHER;
        }
        return assigned.contains(teacher.name()) ? ASSIGNED : REFUSED;
    }

    /** Whether the teacher may close the class's roll call whoever opened it. */
    public boolean closesAny() {
        return this == ASSIGNED || this == ADMINISTRATOR;
    }
}
