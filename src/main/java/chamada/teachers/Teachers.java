package chamada.teachers;

import chamada.rollcall.TeacherName;

import java.util.Optional;

/** Who may log in as a teacher. */
public interface Teachers {

    /**
     * Whether the server runs without a teachers file: then anybody may act as a teacher,
     * and {@code login} is accepted without checking the secret.
     */
    boolean openMode();

    /** The teacher these credentials belong to, or empty if the name is unknown or the secret wrong. */
    Optional<TeacherName> authenticate(String name, String secret);
}
