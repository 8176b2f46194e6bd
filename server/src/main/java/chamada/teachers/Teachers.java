package chamada.teachers;

import chamada.rollcall.TeacherName;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Who may log in as a teacher. */
public interface Teachers {

    /**
     * The teachers of a server: those of {@code file} when there is one ({@link TeachersFile}),
     * else {@link OpenMode}.
     *
     * @throws TeachersFileException if the file has a malformed line
     * @throws IOException           if the file cannot be read
     */
    static Teachers of(Optional<Path> file) throws IOException {
        return file.isPresent() ? TeachersFile.load(file.get()) : new OpenMode();
    }

    /**
     * Whether the server runs without a teachers file: then anybody may act as a teacher,
     * and {@code login} is accepted without checking the secret.
     */
    boolean openMode();

    /** The teacher these credentials belong to, or empty if the name is unknown or the secret wrong. */
    Optional<TeacherName> authenticate(String name, String secret);
}
