package chamada.store;

import chamada.rollcall.DeviceId;
import chamada.rollcall.RollCall;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A roll call as SQLite holds it: its id, its contents, and when each device that replaced a
 * check-in first checked in (the replacement window counts from then).
 */
record StoredRollCall(long id, RollCall rollCall, Map<DeviceId, OffsetDateTime> devicesFirstAt) {

    StoredRollCall {
        devicesFirstAt = Map.copyOf(devicesFirstAt);
    }

    StoredRollCall(long id, RollCall rollCall) {
        this(id, rollCall, Map.of());
    }
}
