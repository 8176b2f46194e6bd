package chamada.rollcall;

import java.time.OffsetDateTime;

/** What asking the store to open a roll call came to, decided atomically by the store. */
public sealed interface OpenResult {

    /** Opened now, durably: {@code id} is the one the store gave it. */
    record Opened(long id, ClassId classId, TeacherName teacher, OffsetDateTime openedAt) implements OpenResult {
    }

    /** The class already has an open roll call, opened at {@code openedAt}; nothing was written. */
    record AlreadyOpen(ClassId classId, OffsetDateTime openedAt) implements OpenResult {
    }
}
