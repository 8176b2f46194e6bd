package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Something that happened in a class, told to its live views (the projector, the teacher's page,
 * the API's event stream, {@code chamada teacher watch}) once it is durable, whichever front or
 * node caused it: mostly to its roll call, and also a message to its teachers.
 */
public sealed interface RollCallEvent {

    ClassId classId();

    /** When it happened: the opening, the check-in, the close, the mark or the message. */
    OffsetDateTime at();

    /** A roll call opened. */
    record Opened(ClassId classId, OffsetDateTime at) implements RollCallEvent {
    }

    /**
     * A student checked in; {@code count} is how many are present now. {@code replaced} is the
     * matrícula this check-in took the place of (a device fixing a typo), which left the list.
     */
    record CheckedIn(ClassId classId, Matricula matricula, OffsetDateTime at, int count,
                     Optional<Matricula> replaced) implements RollCallEvent {
    }

    /** The roll call closed with {@code count} present. */
    record Closed(ClassId classId, OffsetDateTime at, int count) implements RollCallEvent {
    }

    /** A teacher set {@code matricula}'s status in roll call {@code rollCallId} to {@code status}. */
    record Marked(ClassId classId, long rollCallId, Matricula matricula, AttendanceStatus status, OffsetDateTime at)
            implements RollCallEvent {
    }

    /**
     * A student wrote to the class's teachers: message {@code id}, from {@code sender} as declared
     * (empty: anonymous). Only a teacher's view shows it; a projector never does.
     */
    record MessagePosted(ClassId classId, long id, Optional<Matricula> sender, String text, OffsetDateTime at)
            implements RollCallEvent {
    }

    /**
     * The class's teacher chose the question the class's screen shows, at {@code at}: message
     * {@code question}'s text, never its sender; empty: none any more.
     */
    record QuestionShown(ClassId classId, Optional<Question> question, OffsetDateTime at) implements RollCallEvent {
    }

    /** A message shown to the whole class: its number and text, without who wrote it. */
    record Question(long id, String text) {
    }
}
