package chamada.messages;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A message in a class's inbox. {@code sender} is the matrícula the student typed, as declared
 * (students do not log in, so it proves nothing); empty when the student wrote anonymously.
 */
public record ClassMessage(long id, ClassId classId, Optional<Matricula> sender, MessageText text,
                           OffsetDateTime at, boolean read) {

    /** What the class's live views are told of it, once stored. */
    public RollCallEvent.MessagePosted event() {
        return new RollCallEvent.MessagePosted(classId, id, sender, text.value(), at);
    }

    /** What the class's screen shows of it: its number and text, never its sender. */
    public RollCallEvent.Question asQuestion() {
        return new RollCallEvent.Question(id, text.value());
    }
}
