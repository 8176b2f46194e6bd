package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The check-in code a roll call shows now, for its teacher and its projector; a rotating code
 * says when the next one replaces it, a fixed code never expires.
 */
public record CurrentCode(String code, Optional<OffsetDateTime> expiresAt) {

    /** Hidden: a code written to a log would let its reader check in. */
    @Override
    public String toString() {
        return "CurrentCode[code=***, expiresAt=" + expiresAt + "]";
    }
}
