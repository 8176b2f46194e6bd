package chamada.materials;

import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;

import java.util.Optional;

/**
 * An upload accepted to begin: {@code size} bytes expected, whose SHA-256 the teacher's client
 * says is {@code sha256} (if it says), written to {@code file} by the front that receives them, then handed to
 * {@link MaterialService#finish}. Closing it drops what was received.
 */
public record Upload(ClassId classId, MaterialName name, long size, Optional<String> sha256, TeacherName teacher,
                     IncomingFile file) implements AutoCloseable {

    @Override
    public void close() {
        file.close();
    }
}
