package chamada.rollcall;

import java.time.OffsetDateTime;

/** What asking the store to open a roll call came to, decided atomically by the store. */
public sealed interface OpenResult {

    /** Opened now, durably, with {@code rules}: {@code id} is the one the store gave it. */
    record Opened(long id, ClassId classId, TeacherName teacher, OffsetDateTime openedAt, CheckInRules rules)
            implements OpenResult {

        /** Opened without codes. */
        public Opened(long id, ClassId classId, TeacherName teacher, OffsetDateTime openedAt) {
            this(id, classId, teacher, openedAt, CheckInRules.none());
        }
    }

    /** The class already has an open roll call, opened at {@code openedAt}; nothing was written. */
    record AlreadyOpen(ClassId classId, OffsetDateTime openedAt) implements OpenResult {
    }
}
