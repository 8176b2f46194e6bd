package chamada.rollcall;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The phones that tried a second matrícula in a roll call (replaced their check-in, or were
 * refused for it), for its teacher. Counted by this server, in memory, until the roll call
 * closes. Bounded: only a phone that already checked in can be flagged.
 *
 * <p>Thread-safe.
 */
final class DeviceFlags {

    private final ConcurrentMap<ClassId, Set<DeviceId>> flagged = new ConcurrentHashMap<>();

    void flag(ClassId classId, DeviceId device) {
        flagged.computeIfAbsent(classId, c -> ConcurrentHashMap.newKeySet()).add(device);
    }

    int count(ClassId classId) {
        Set<DeviceId> devices = flagged.get(classId);
        return devices == null ? 0 : devices.size();
    }

    void forget(ClassId classId) {
        flagged.remove(classId);
    }
}
