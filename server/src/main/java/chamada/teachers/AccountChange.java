package chamada.teachers;

import chamada.rollcall.TeacherName;

/** What an {@link AccountEdit} came to: the store's decision. */
public sealed interface AccountChange {

    TeacherName name();

    /** Done, and durable. */
    record Changed(TeacherName name) implements AccountChange {
    }

    record UnknownTeacher(TeacherName name) implements AccountChange {
    }

    /** An add of a name that has an account already: never replaced, so a repeated command changes no secret. */
    record AlreadyExists(TeacherName name) implements AccountChange {
    }

    /**
     * A remove or disable that would leave the other teachers without an enabled administrator:
     * nobody could then manage them from Chamada.
     */
    record LastAdministrator(TeacherName name) implements AccountChange {
    }

    /** A remove or a new secret for an account the teachers file holds: the file would bring it back at the next start. */
    record FromFile(TeacherName name) implements AccountChange {
    }
}
