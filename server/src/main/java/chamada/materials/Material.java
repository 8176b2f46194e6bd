package chamada.materials;

import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;

import java.time.OffsetDateTime;

/**
 * A file published to a class: {@code size} bytes whose SHA-256 is {@code sha256} (64 lowercase
 * hex digits), kept in the material folder under {@code key}, published by {@code publishedBy}.
 * Immutable: publishing a file of the same name again makes a new material, with a new key.
 */
public record Material(long id, ClassId classId, MaterialName name, long size, String sha256, String key,
                       OffsetDateTime publishedAt, TeacherName publishedBy) {
}
