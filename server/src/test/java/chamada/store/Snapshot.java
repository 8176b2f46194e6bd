package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static chamada.store.Stores.time;

/**
 * Everything a store holds for classes 1 to {@link #CLASSES}, as its reads return it: the open
 * roll calls, and each class's closed ones (a class with none is left out). Built from a
 * store, from the file alone, or from the writes that should have made it.
 */
record Snapshot(Map<ClassId, RollCall> open, Map<ClassId, List<RollCall>> closed) {

    /** The classes read; the journal tests' histories use no others. */
    static final int CLASSES = 5;

    Snapshot {
        open = Map.copyOf(open);
        closed = Map.copyOf(closed);
    }

    /** What a store must hold after exactly {@code writes}, in order, on an empty file; they must all be valid. */
    static Snapshot of(List<? extends Write> writes) {
        Map<Long, Write.Open> opens = new LinkedHashMap<>();
        Map<Long, List<CheckIn>> present = new HashMap<>();
        Map<Long, OffsetDateTime> closedAt = new HashMap<>();
        for (Write write : writes) {
            switch (write) {
                case Write.Open o -> {
                    opens.put(o.id(), o);
                    present.put(o.id(), new ArrayList<>());
                }
                case Write.CheckIn c -> present.get(c.rollCallId()).add(new CheckIn(c.matricula(), time(c.at()), c.device()));
                case Write.Replace r -> {
                    present.get(r.rollCallId()).removeIf(checkIn -> checkIn.matricula().equals(r.replaced()));
                    present.get(r.rollCallId()).add(new CheckIn(r.by(), time(r.at()), Optional.of(r.device())));
                }
                case Write.Close c -> closedAt.put(c.rollCallId(), time(c.closedAt()));
                case Write.Roster r -> throw new IllegalArgumentException("snapshots hold roll calls, not rosters: " + r);
                case Write.Mark m -> throw new IllegalArgumentException("snapshots hold roll calls, not corrections: " + m);
                case Write.Forget f -> throw new IllegalArgumentException("snapshots hold roll calls, not forgets: " + f);
                case Write.Purge p -> throw new IllegalArgumentException("snapshots hold roll calls, not purges: " + p);
            }
        }
        List<StoredRollCall> all = opens.values().stream().map(o -> new StoredRollCall(o.id(), new RollCall(o.classId(),
                o.teacher(), time(o.openedAt()), Optional.ofNullable(closedAt.get(o.id())), present.get(o.id()), o.rules())))
                .toList();
        Map<ClassId, RollCall> open = new TreeMap<>();
        all.stream().filter(s -> s.rollCall().isOpen()).forEach(s -> open.put(s.rollCall().classId(), s.rollCall()));
        Map<ClassId, List<RollCall>> closed = new TreeMap<>();
        all.stream().filter(s -> !s.rollCall().isOpen())
                .sorted(Comparator.comparing((StoredRollCall s) -> s.rollCall().openedAt().toInstant())
                        .thenComparingLong(StoredRollCall::id))
                .forEach(s -> closed.computeIfAbsent(s.rollCall().classId(), c -> new ArrayList<>()).add(s.rollCall()));
        return new Snapshot(open, closed);
    }

    /** What {@code store}'s reads return. */
    static Snapshot read(SqliteRollCallStore store) throws SQLException {
        Map<ClassId, RollCall> open = new TreeMap<>();
        for (int c = 1; c <= CLASSES; c++) {
            Stores.await(store.openRollCall(new ClassId(c))).ifPresent(r -> open.put(r.classId(), r));
        }
        return new Snapshot(open, closedByClass(c -> Stores.await(store.closedRollCalls(c))));
    }

    /** What {@code database} holds, read with the store's queries but without opening a store (which may refuse). */
    static Snapshot read(Path database) throws SQLException {
        RollCallReads reads = new RollCallReads(Stores.ZONE);
        try (Connection connection = Connections.reader(database)) {
            Map<ClassId, RollCall> open = new TreeMap<>();
            reads.open(connection).forEach(s -> open.put(s.rollCall().classId(), s.rollCall()));
            return new Snapshot(open, closedByClass(c -> reads.closed(connection, c).stream()
                    .map(NumberedRollCall::rollCall).toList()));
        }
    }

    /**
     * The history {@code classId} must have: its closed roll calls, with counts, each closed by its
     * opener, as the histories of these tests are ({@link RandomWrites#history}); ids are not
     * modelled (0), so compare without them.
     */
    List<PastRollCall> history(ClassId classId) {
        return closed.getOrDefault(classId, List.of()).stream()
                .map(r -> new PastRollCall(0, r.classId(), r.teacher(), r.openedAt(), r.closedAt().orElseThrow(),
                        r.present().size(), Optional.of(r.teacher())))
                .toList();
    }

    /** How many roll calls, open or closed: a test checks it has something to compare. */
    int size() {
        return open.size() + closed.values().stream().mapToInt(List::size).sum();
    }

    private interface ClosedQuery {
        List<RollCall> closed(ClassId classId) throws SQLException;
    }

    private static Map<ClassId, List<RollCall>> closedByClass(ClosedQuery query) throws SQLException {
        Map<ClassId, List<RollCall>> closed = new TreeMap<>();
        for (int c = 1; c <= CLASSES; c++) {
            List<RollCall> ofClass = query.closed(new ClassId(c));
            if (!ofClass.isEmpty()) {
                closed.put(new ClassId(c), ofClass);
            }
        }
        return closed;
    }
}
