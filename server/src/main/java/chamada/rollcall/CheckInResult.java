package chamada.rollcall;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What a student's check-in came to: decided atomically by the store, except the two refusals
 * the service decides before asking it ({@link NetworkNotAllowed}, {@link TooManyAttempts}).
 */
public sealed interface CheckInResult {

    /** The class the reply names: the class checked into, or 0 when refused (the seed's rule). */
    int replyClass();

    /** When the student was registered (the first time, for a repeat), or refused. */
    OffsetDateTime at();

    /** Whether the student counts as late ({@link CheckInRules#isLate}); never for a refusal. */
    default boolean late() {
        return false;
    }

    /** Newly registered, durably, at {@code at}; {@code late} as {@link CheckInRules#isLate} says. */
    record Registered(ClassId classId, OffsetDateTime at, boolean late) implements CheckInResult {

        /** On time. */
        public Registered(ClassId classId, OffsetDateTime at) {
            this(classId, at, false);
        }

        @Override
        public int replyClass() {
            return classId.value();
        }
    }

    /**
     * This matrícula was already in this roll call; {@code at} is the original time. Counted
     * once, late or not as that first one was. Reported only once that first check-in is durable.
     */
    record AlreadyRegistered(ClassId classId, OffsetDateTime at, boolean late) implements CheckInResult {

        /** The first check-in on time. */
        public AlreadyRegistered(ClassId classId, OffsetDateTime at) {
            this(classId, at, false);
        }

        @Override
        public int replyClass() {
            return classId.value();
        }
    }

    /**
     * This device had checked in another matrícula, {@code replaced}, less than
     * {@link CheckInRules#REPLACE_WINDOW} before: that check-in is replaced by this one,
     * registered durably at {@code at}, and the replacement recorded.
     */
    record Replaced(ClassId classId, Matricula replaced, OffsetDateTime at, boolean late) implements CheckInResult {

        /** On time. */
        public Replaced(ClassId classId, Matricula replaced, OffsetDateTime at) {
            this(classId, replaced, at, false);
        }

        @Override
        public int replyClass() {
            return classId.value();
        }
    }

    /** A check-in refused: nothing was written, and the reply names class 0, as in the seed. */
    sealed interface Refused extends CheckInResult {
        ClassId classId();

        @Override
        default int replyClass() {
            return 0;
        }
    }

    /** The class has no open roll call; refused at {@code at}, the time the check-in was asked. */
    record NotOpen(ClassId classId, OffsetDateTime at) implements Refused {
    }

    /** The roll call asks for a code and none was given. */
    record CodeRequired(ClassId classId, OffsetDateTime at) implements Refused {
    }

    /**
     * The code given is not one the roll call accepts at {@code at}: a {@code guess}, or one it
     * accepted a moment ago ({@link CheckInCode#recentlyAccepted}), typed too slowly.
     */
    record WrongCode(ClassId classId, OffsetDateTime at, boolean guess) implements Refused {
    }

    /**
     * The class has a roster, this matrícula is not on it, and the roll call was not opened to
     * accept unknown matrículas: a typo caught while the student is still in the room.
     */
    record NotInRoster(ClassId classId, Matricula matricula, OffsetDateTime at) implements Refused {
    }

    /** The check-in came from outside the networks the server accepts check-ins from; decided by the service. */
    record NetworkNotAllowed(ClassId classId, OffsetDateTime at) implements Refused {
    }

    /**
     * Too many wrong codes lately from this device, address or roll call ({@link GuessLimits}):
     * the code was not even looked at; it may be tried again after {@code retryAfter}. If {@code turn},
     * it was not this device's wrong codes but its address's turn on a roll call flooded with them. Decided by the service.
     */
    record TooManyAttempts(ClassId classId, OffsetDateTime at, Duration retryAfter, boolean turn) implements Refused {
    }

    /**
     * This device already checked in another student, longer ago than
     * {@link CheckInRules#REPLACE_WINDOW}, and the roll call does not allow shared devices.
     */
    record DeviceAlreadyUsed(ClassId classId, OffsetDateTime at) implements Refused {
    }
}
