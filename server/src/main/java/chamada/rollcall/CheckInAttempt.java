package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A student's check-in as the store decides it: who, into which class, at what time, with the
 * code they typed and the device they used, where the front knows them.
 */
public record CheckInAttempt(ClassId classId, Matricula matricula, Optional<String> code, Optional<DeviceId> device,
                             OffsetDateTime at) {

    @Override
    public String toString() {
        return "CheckInAttempt[classId=" + classId + ", matricula=" + matricula + ", code=" + code.map(c -> "***")
                .orElse("none") + ", device=" + device.map(d -> "***").orElse("none") + ", at=" + at + "]";
    }

    /**
     * This attempt, stamped no earlier than {@code opening}: a request is stamped when a front takes
     * it, so one taken just before its roll call's open was decided can carry a time before the
     * opening; it is on time, at the opening.
     */
    public CheckInAttempt notBefore(OffsetDateTime opening) {
        return at.isBefore(opening)
                ? new CheckInAttempt(classId, matricula, code, device, opening.withOffsetSameInstant(at.getOffset()))
                : this;
    }

    /** A check-in with no code and no device: the seeds' clients, and a roll call without codes. */
    public static CheckInAttempt plain(ClassId classId, Matricula matricula, OffsetDateTime at) {
        return new CheckInAttempt(classId, matricula, Optional.empty(), Optional.empty(), at);
    }
}
