package chamada.rollcall;

import java.time.OffsetDateTime;

/** One student present in a roll call, and when the server registered them. */
public record CheckIn(Matricula matricula, OffsetDateTime at) {
}
