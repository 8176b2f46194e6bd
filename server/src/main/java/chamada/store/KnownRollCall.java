package chamada.store;

import chamada.rollcall.ClassId;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Of every roll call the store holds, what a correction is decided by: its class, and when it closed. */
record KnownRollCall(long id, ClassId classId, Optional<OffsetDateTime> closedAt) {
}
