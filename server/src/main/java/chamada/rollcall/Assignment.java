package chamada.rollcall;

import java.util.List;

/** What an assignment of teachers to a class came to. */
public sealed interface Assignment {

    ClassId classId();

    /** The class's teachers are now {@code teachers}, by name (none: every teacher's class). */
    record Assigned(ClassId classId, List<TeacherName> teachers) implements Assignment {
    }

    /** {@code teacher} has no account; nothing was changed. */
    record UnknownTeacher(ClassId classId, TeacherName teacher) implements Assignment {
    }
}
