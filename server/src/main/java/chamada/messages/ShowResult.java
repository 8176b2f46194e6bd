package chamada.messages;

import chamada.rollcall.ClassId;
import chamada.rollcall.RollCallEvent;

import java.time.OffsetDateTime;
import java.util.Optional;

/** What the store made of a teacher's choice of the question the class's screen shows. */
public sealed interface ShowResult {

    /** Chosen at {@code at}: {@code question} is shown now; empty, none is. */
    record Shown(ClassId classId, Optional<ClassMessage> question, OffsetDateTime at) implements ShowResult {

        /** What the class's live views are told of it, once stored. */
        public RollCallEvent.QuestionShown event() {
            return new RollCallEvent.QuestionShown(classId, question.map(ClassMessage::asQuestion), at);
        }
    }

    /** No message numbered {@code id} in {@code classId}'s inbox; the screen shows what it showed. */
    record NotInInbox(ClassId classId, long id) implements ShowResult {
    }
}
