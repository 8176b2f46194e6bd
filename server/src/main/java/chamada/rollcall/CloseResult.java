package chamada.rollcall;

/** What asking the store to close a roll call came to, decided atomically by the store. */
public sealed interface CloseResult {

    /** Closed now, durably, with every student present in arrival order. */
    record Closed(RollCall rollCall) implements CloseResult {
    }

    /** The class has no open roll call; nothing was written. */
    record NotOpen(ClassId classId) implements CloseResult {
    }

    /** The roll call belongs to {@code owner}, who is not the teacher asking ({@link TeacherName#mayClose}). */
    record NotOwner(ClassId classId, TeacherName owner) implements CloseResult {
    }
}
