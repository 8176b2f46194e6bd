package chamada.teachers;

import chamada.rollcall.TeacherName;

/** A change an administrator asks of the teachers' accounts. */
public sealed interface AccountEdit {

    TeacherName name();

    record Add(TeacherName name, PasswordHash hash, boolean administrator) implements AccountEdit {
    }

    record Remove(TeacherName name) implements AccountEdit {
    }

    /** Disables ({@code disabled}) or enables the account again. */
    record Disable(TeacherName name, boolean disabled) implements AccountEdit {
    }

    record Password(TeacherName name, PasswordHash hash) implements AccountEdit {
    }
}
