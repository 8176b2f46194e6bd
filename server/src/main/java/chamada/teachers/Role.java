package chamada.teachers;

/** What a teacher who may log in may do. */
public enum Role {
    /** Opens, reads and closes roll calls, within the classes assignments allow. */
    TEACHER,
    /** Everything a teacher does, in every class, and managing teachers, classes and privacy. */
    ADMINISTRATOR
}
