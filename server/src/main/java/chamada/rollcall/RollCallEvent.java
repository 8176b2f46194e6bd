package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Something that happened to a roll call, told to its live views (the projector, the teacher's
 * page, the API's event stream) once it is durable, whichever front or node caused it.
 */
public sealed interface RollCallEvent {

    ClassId classId();

    /** When it happened: the opening, the check-in or the close. */
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
}
