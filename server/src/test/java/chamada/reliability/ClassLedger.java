package chamada.reliability;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.ClassId;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Everything one round asked of one class and what each request's reply said: the check-ins
 * (written by every student's thread), and the opens, closes and corrections (written by the
 * class's one teacher thread, read once the round's threads have ended).
 */
final class ClassLedger {

    /** A check-in's outcome: sent and never answered, refused, or acknowledged at {@code at}. */
    sealed interface CheckInOutcome {
        record Sent() implements CheckInOutcome {
        }

        record Refused() implements CheckInOutcome {
        }

        record Acked(OffsetDateTime at) implements CheckInOutcome {
        }
    }

    /** A roll call whose open was acknowledged: its close if acknowledged, and its number once a correction named it. */
    static final class OpenedRollCall {
        final OffsetDateTime openedAt;
        Optional<OffsetDateTime> closedAt = Optional.empty();
        boolean closeUncertain;
        Optional<Long> id = Optional.empty();

        OpenedRollCall(OffsetDateTime openedAt) {
            this.openedAt = openedAt;
        }
    }

    /** A correction, identified by its reason, which no other correction of the campaign shares. */
    record Correction(String matricula, AttendanceStatus to, String reason, Answer answer, Optional<Long> rollCallId) {
    }

    /** A check-in acknowledged, for the teacher to correct. */
    record AckedCheckIn(String matricula, OffsetDateTime at) {
    }

    final ClassId classId;
    final Map<String, CheckInOutcome> checkIns = new ConcurrentHashMap<>();
    final Queue<AckedCheckIn> toCorrect = new ConcurrentLinkedQueue<>();
    final List<OpenedRollCall> rollCalls = new ArrayList<>();
    final List<Correction> corrections = new ArrayList<>();
    final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
    boolean openUncertain;

    ClassLedger(ClassId classId) {
        this.classId = classId;
    }

    void checkInSent(String matricula) {
        checkIns.put(matricula, new CheckInOutcome.Sent());
    }

    void checkIn(String matricula, CheckInOutcome outcome) {
        checkIns.put(matricula, outcome);
        if (outcome instanceof CheckInOutcome.Acked acked) {
            toCorrect.add(new AckedCheckIn(matricula, acked.at()));
        }
    }

    long acknowledgedWrites() {
        long checkInsAcked = checkIns.values().stream().filter(CheckInOutcome.Acked.class::isInstance).count();
        long closes = rollCalls.stream().filter(rollCall -> rollCall.closedAt.isPresent()).count();
        long marks = corrections.stream().filter(correction -> correction.answer() == Answer.DONE).count();
        return checkInsAcked + rollCalls.size() + closes + marks;
    }

    long uncertainWrites() {
        long checkInsSent = checkIns.values().stream().filter(CheckInOutcome.Sent.class::isInstance).count();
        long closes = rollCalls.stream().filter(rollCall -> rollCall.closeUncertain).count();
        long marks = corrections.stream().filter(correction -> correction.answer() == Answer.UNCERTAIN).count();
        return checkInsSent + closes + marks + (openUncertain ? 1 : 0);
    }
}
