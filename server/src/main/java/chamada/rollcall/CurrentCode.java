package chamada.rollcall;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The check-in code a roll call shows now, for its teacher and its projector; a rotating code
 * says when the next one replaces it, a fixed code never expires.
 */
public record CurrentCode(String code, Optional<OffsetDateTime> expiresAt) {
}
