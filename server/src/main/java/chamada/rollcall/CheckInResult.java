package chamada.rollcall;

import java.time.OffsetDateTime;

/** What a student's check-in came to. */
public sealed interface CheckInResult {

    /** The class the reply names: the class checked into, or 0 when refused (the seed's rule). */
    int replyClass();

    /** When the server registered the student, or refused them. */
    OffsetDateTime at();

    /** Newly registered, durably, at {@code at}. */
    record Registered(ClassId classId, OffsetDateTime at) implements CheckInResult {
        @Override
        public int replyClass() {
            return classId.value();
        }
    }

    /** This matrícula was already in this roll call; {@code at} is the original time. Counted once. */
    record AlreadyRegistered(ClassId classId, OffsetDateTime at) implements CheckInResult {
        @Override
        public int replyClass() {
            return classId.value();
        }
    }

    /** The class has no open roll call; refused at {@code at}. */
    record NotOpen(ClassId classId, OffsetDateTime at) implements CheckInResult {
        @Override
        public int replyClass() {
            return 0;
        }
    }
}
