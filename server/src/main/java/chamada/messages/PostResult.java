package chamada.messages;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

/** What the store made of a {@link Posting}. */
public sealed interface PostResult {

    /** Stored, durably: {@code message} is in the inbox. */
    record Posted(ClassMessage message) implements PostResult {
    }

    /** The class has a roster and {@code sender} is not on it; nothing was stored. */
    record NotInRoster(ClassId classId, Matricula sender) implements PostResult {
    }
}
