package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallStore.StoredRollCall;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the journal writer knows of the roll calls, to refuse a write that SQLite would refuse
 * before it is journaled: a journaled write is acknowledged at once and applied to SQLite
 * later, where a refusal could no longer reach the caller.
 *
 * <p>The same checks as the schema's: a roll-call id is used once; a class has at most one
 * open roll call; check-ins and the close go to an open roll call; a matrícula checks in
 * once per roll call. Confined to the journal writer's thread.
 */
final class OpenRollCallIndex {

    private record Open(ClassId classId, Set<Matricula> present) {
    }

    private final Map<Long, Open> byId = new HashMap<>();
    private final Set<ClassId> classesOpen = new HashSet<>();
    private final Set<Long> idsUsedSinceStart = new HashSet<>();
    private final long highestIdAtStart;

    /** The index of a store whose open roll calls are {@code open} and whose highest roll-call id is {@code highestId}. */
    OpenRollCallIndex(List<StoredRollCall> open, long highestId) {
        this.highestIdAtStart = highestId;
        for (StoredRollCall stored : open) {
            Set<Matricula> present = new HashSet<>();
            for (CheckIn checkIn : stored.rollCall().present()) {
                present.add(checkIn.matricula());
            }
            byId.put(stored.id(), new Open(stored.rollCall().classId(), present));
            classesOpen.add(stored.rollCall().classId());
        }
    }

    /** The highest roll-call id the store held when it opened; new ids count on from it. */
    long highestIdAtStart() {
        return highestIdAtStart;
    }

    /** Why {@code write} cannot be made, or empty after counting it as made. */
    Optional<String> admit(Write write) {
        return switch (write) {
            case Write.Open open -> {
                if (open.id() <= highestIdAtStart || !idsUsedSinceStart.add(open.id())) {
                    yield Optional.of(open + " refused: the roll-call id is already used");
                }
                if (!classesOpen.add(open.classId())) {
                    yield Optional.of(open + " refused: the class already has an open roll call");
                }
                byId.put(open.id(), new Open(open.classId(), new HashSet<>()));
                yield Optional.empty();
            }
            case Write.CheckIn checkIn -> {
                Open rollCall = byId.get(checkIn.rollCallId());
                if (rollCall == null) {
                    yield Optional.of(checkIn + " refused: the roll call does not exist or is closed");
                }
                yield rollCall.present().add(checkIn.matricula()) ? Optional.empty()
                        : Optional.of(checkIn + " refused: already checked in");
            }
            case Write.Close close -> {
                Open rollCall = byId.remove(close.rollCallId());
                if (rollCall == null) {
                    yield Optional.of(close + " refused: the roll call does not exist or is already closed");
                }
                classesOpen.remove(rollCall.classId());
                yield Optional.empty();
            }
        };
    }
}
