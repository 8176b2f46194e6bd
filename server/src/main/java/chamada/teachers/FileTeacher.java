package chamada.teachers;

import chamada.rollcall.TeacherName;

/** A teacher's line of the teachers file. */
public record FileTeacher(TeacherName name, PasswordHash hash, boolean administrator) {
}
