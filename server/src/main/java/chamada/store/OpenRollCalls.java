package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded store's rules, decided: the open roll call of each class and who is in it,
 * and the next roll-call id. Every command is decided here, and only here, in the order the
 * journal writer takes them, so each decision and the write it makes are one atomic step.
 *
 * <p>Built at start from what SQLite holds once the journal is replayed; after that, the only
 * in-memory truth about roll calls. Confined to the journal writer's thread.
 */
final class OpenRollCalls {

    /** One open roll call: who is present, in arrival order, with the time each checked in. */
    private static final class Open {
        final long id;
        final ClassId classId;
        final TeacherName owner;
        final OffsetDateTime openedAt;
        final LinkedHashMap<Matricula, OffsetDateTime> present = new LinkedHashMap<>();

        Open(long id, ClassId classId, TeacherName owner, OffsetDateTime openedAt) {
            this.id = id;
            this.classId = classId;
            this.owner = owner;
            this.openedAt = openedAt;
        }

        RollCall snapshot(Optional<OffsetDateTime> closedAt) {
            List<CheckIn> checkIns = new ArrayList<>(present.size());
            present.forEach((matricula, at) -> checkIns.add(new CheckIn(matricula, at)));
            return new RollCall(classId, owner, openedAt, closedAt, checkIns);
        }
    }

    private final Map<ClassId, Open> byClass = new HashMap<>();
    private long lastId;

    /** The rules' state of a store whose open roll calls are {@code open} and whose highest roll-call id is {@code highestId}. */
    OpenRollCalls(List<StoredRollCall> open, long highestId) {
        this.lastId = highestId;
        for (StoredRollCall stored : open) {
            RollCall rollCall = stored.rollCall();
            Open restored = new Open(stored.id(), rollCall.classId(), rollCall.teacher(), rollCall.openedAt());
            rollCall.present().forEach(checkIn -> restored.present.put(checkIn.matricula(), checkIn.at()));
            byClass.put(rollCall.classId(), restored);
        }
    }

    /** Decides {@code command} and counts its write, if any, as made. */
    Decision<?> decide(Command<?> command) {
        return switch (command) {
            case Command.Open open -> open(open);
            case Command.CheckIn checkIn -> checkIn(checkIn);
            case Command.Close close -> close(close);
            case Command.Status status -> new Decision<>(status,
                    Optional.ofNullable(byClass.get(status.classId())).map(open -> open.snapshot(Optional.empty())),
                    Optional.empty());
        };
    }

    private Decision<OpenResult> open(Command.Open command) {
        Open existing = byClass.get(command.classId());
        if (existing != null) {
            return new Decision<>(command, new OpenResult.AlreadyOpen(command.classId(), existing.openedAt), Optional.empty());
        }
        Open opened = new Open(++lastId, command.classId(), command.teacher(), command.at());
        byClass.put(command.classId(), opened);
        return new Decision<>(command, new OpenResult.Opened(opened.id, opened.classId, opened.owner, opened.openedAt),
                Optional.of(new Write.Open(opened.id, opened.classId, opened.owner, millis(opened.openedAt))));
    }

    private Decision<CheckInResult> checkIn(Command.CheckIn command) {
        Open open = byClass.get(command.classId());
        if (open == null) {
            return new Decision<>(command, new CheckInResult.NotOpen(command.classId(), command.at()), Optional.empty());
        }
        OffsetDateTime earlier = open.present.putIfAbsent(command.matricula(), command.at());
        if (earlier != null) {
            return new Decision<>(command, new CheckInResult.AlreadyRegistered(command.classId(), earlier), Optional.empty());
        }
        return new Decision<>(command, new CheckInResult.Registered(command.classId(), command.at()),
                Optional.of(new Write.CheckIn(open.id, command.matricula(), millis(command.at()))));
    }

    private Decision<CloseResult> close(Command.Close command) {
        Open open = byClass.get(command.classId());
        if (open == null) {
            return new Decision<>(command, new CloseResult.NotOpen(command.classId()), Optional.empty());
        }
        if (!command.teacher().mayClose(open.owner)) {
            return new Decision<>(command, new CloseResult.NotOwner(command.classId(), open.owner), Optional.empty());
        }
        byClass.remove(command.classId());
        return new Decision<>(command, new CloseResult.Closed(open.snapshot(Optional.of(command.at()))),
                Optional.of(new Write.Close(open.id, millis(command.at()))));
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
