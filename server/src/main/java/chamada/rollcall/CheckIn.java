package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One student present in a roll call, when the server registered them, and the device they
 * used where the front knows it (the web's phones; never the CLI or the legacy ports).
 */
public record CheckIn(Matricula matricula, OffsetDateTime at, Optional<DeviceId> device) {

    public CheckIn(Matricula matricula, OffsetDateTime at) {
        this(matricula, at, Optional.empty());
    }
}
