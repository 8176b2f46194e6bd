package chamada.store.postgres;

import chamada.rollcall.ClassId;
import chamada.rollcall.EventHub;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backstop of the live views across nodes: what this node's views were told, compared now
 * and then with the database, so that an event lost on the way (a node killed between its commit
 * and its {@code NOTIFY}, a listening connection down for a while) still reaches them, once.
 *
 * <p>Each open roll call's check-ins told are kept ({@link HeardCheckIns}); another node's
 * event already told is dropped. A slow poll ({@link #poll}) reads the open roll calls with their
 * counts; a difference is repaired only when the next poll finds it unchanged, so that events
 * still on their way (sent within tens of milliseconds) are never told twice, and a busy class is
 * repaired once it is quiet. A repaired check-in carries the count the database has then.
 *
 * <p>Threads: the writer tells its node's events ({@link #told}); the listening thread hears the
 * others' and polls. Whatever reads the database to rebuild what was heard holds the lock, so a
 * check-in told meanwhile is kept.
 */
final class MissedEvents {

    private static final String OPEN_ROLL_CALLS = """
            SELECT r.id, r.class_id, r.opened_at, c.present
            FROM roll_calls r JOIN roll_call_counts c ON c.roll_call_id = r.id
            WHERE r.closed_at IS NULL""";
    private static final String CHECK_INS = "SELECT matricula, at FROM check_ins WHERE roll_call_id = ? ORDER BY seq";
    private static final String CLOSE_OF = """
            SELECT r.closed_at, c.present
            FROM roll_calls r JOIN roll_call_counts c ON c.roll_call_id = r.id
            WHERE r.class_id = ? AND r.closed_at IS NOT NULL AND (r.opened_at = ? OR ? = -1)
            ORDER BY r.opened_at DESC LIMIT 1""";

    /** A difference between what was told and the database; equal records are the same difference. */
    private sealed interface Difference {
        /** Told open, closed in the database. */
        record Unclosed(ClassId classId, long openedAt) implements Difference {
        }

        /** Open in the database, never told. */
        record Unopened(ClassId classId, long rollCallId, long openedAt) implements Difference {
        }

        /** Told a number of check-ins other than the database has. */
        record Uncounted(ClassId classId, long rollCallId, long openedAt, int inDatabase, int told)
                implements Difference {
        }
    }

    private record OpenRollCall(long id, ClassId classId, long openedAt, int present) {
    }

    private final EventHub hub;
    private final ZoneId zone;
    /** Guarded by this. */
    private final Map<ClassId, HeardCheckIns> open = new HashMap<>();
    /** What the last poll found; only the listening thread touches it. */
    private Set<Difference> lastFound = Set.of();

    MissedEvents(EventHub hub, ZoneId zone) {
        this.hub = hub;
        this.zone = zone;
    }

    /** This node's own events, which its writer has published. */
    synchronized void told(List<RollCallEvent> events) {
        for (RollCallEvent event : events) {
            note(event);
        }
    }

    /** Another node's event: published here unless this node's views were already told it. */
    void heard(RollCallEvent event) {
        boolean fresh;
        synchronized (this) {
            fresh = note(event);
        }
        if (fresh) {
            hub.publish(event);
        }
    }

    /** Notes {@code event} as told; false if it already was. */
    private boolean note(RollCallEvent event) {
        return switch (event) {
            case RollCallEvent.Opened opened -> {
                long at = millis(opened.at());
                HeardCheckIns known = open.get(opened.classId());
                if (known != null && known.openedAt() == at) {
                    yield false;
                }
                open.put(opened.classId(), new HeardCheckIns(at));
                yield true;
            }
            case RollCallEvent.CheckedIn in -> {
                HeardCheckIns known = open.computeIfAbsent(in.classId(), classId -> new HeardCheckIns(HeardCheckIns.UNKNOWN));
                boolean added = known.add(in.matricula());
                in.replaced().ifPresent(known::remove);
                yield added;
            }
            case RollCallEvent.Closed closed -> open.remove(closed.classId()) != null;
        };
    }

    /**
     * Takes what is open in the database as told, telling nobody: what a starting node's views
     * are shown by reading the roll call. Called once this node listens, so nothing falls between.
     */
    void startFrom(Connection connection) throws SQLException {
        List<OpenRollCall> rollCalls = openRollCalls(connection);
        synchronized (this) {
            for (OpenRollCall rollCall : rollCalls) {
                open.put(rollCall.classId(), new HeardCheckIns(rollCall.openedAt()));
                rebuild(connection, rollCall.id(), rollCall.classId());
            }
        }
    }

    /** Compares what was told with the database, and tells what a previous poll also found missing. */
    void poll(Connection connection) throws SQLException {
        Set<Difference> found = differences(openRollCalls(connection));
        List<Difference> confirmed = found.stream().filter(lastFound::contains)
                .sorted(Comparator.comparingInt(MissedEvents::order)).toList();
        for (Difference difference : confirmed) {
            repair(connection, difference);
        }
        lastFound = found;
    }

    /** A class closed and opened again is told in that order. */
    private static int order(Difference difference) {
        return switch (difference) {
            case Difference.Unclosed unclosed -> 0;
            case Difference.Unopened unopened -> 1;
            case Difference.Uncounted uncounted -> 2;
        };
    }

    private synchronized Set<Difference> differences(List<OpenRollCall> rollCalls) {
        Set<Difference> found = new HashSet<>();
        Set<ClassId> openInDatabase = new HashSet<>();
        for (OpenRollCall rollCall : rollCalls) {
            openInDatabase.add(rollCall.classId());
            HeardCheckIns known = open.get(rollCall.classId());
            if (known != null && known.openedAt() == HeardCheckIns.UNKNOWN) {
                known.openedAt(rollCall.openedAt());
            }
            if (known == null || known.openedAt() != rollCall.openedAt()) {
                if (known != null) {
                    found.add(new Difference.Unclosed(rollCall.classId(), known.openedAt()));
                }
                found.add(new Difference.Unopened(rollCall.classId(), rollCall.id(), rollCall.openedAt()));
            } else if (known.present() != rollCall.present()) {
                found.add(new Difference.Uncounted(rollCall.classId(), rollCall.id(), rollCall.openedAt(),
                        rollCall.present(), known.present()));
            }
        }
        open.forEach((classId, known) -> {
            if (!openInDatabase.contains(classId)) {
                found.add(new Difference.Unclosed(classId, known.openedAt()));
            }
        });
        return found;
    }

    private void repair(Connection connection, Difference difference) throws SQLException {
        List<RollCallEvent> missed = new ArrayList<>();
        synchronized (this) {
            switch (difference) {
                case Difference.Unclosed unclosed -> closed(connection, unclosed).ifPresent(missed::add);
                case Difference.Unopened unopened -> {
                    if (!open.containsKey(unopened.classId())
                            || open.get(unopened.classId()).openedAt() != unopened.openedAt()) {
                        open.put(unopened.classId(), new HeardCheckIns(unopened.openedAt()));
                        missed.add(new RollCallEvent.Opened(unopened.classId(), time(unopened.openedAt())));
                        missed.addAll(rebuild(connection, unopened.rollCallId(), unopened.classId()));
                    }
                }
                case Difference.Uncounted uncounted -> {
                    HeardCheckIns known = open.get(uncounted.classId());
                    if (known != null && known.openedAt() == uncounted.openedAt()) {
                        missed.addAll(rebuild(connection, uncounted.rollCallId(), uncounted.classId()));
                    }
                }
            }
        }
        missed.forEach(hub::publish);
    }

    /** The close of a roll call told open, now that the database has it closed; forgets it. */
    private Optional<RollCallEvent> closed(Connection connection, Difference.Unclosed unclosed) throws SQLException {
        HeardCheckIns known = open.get(unclosed.classId());
        if (known == null || known.openedAt() != unclosed.openedAt()) {
            return Optional.empty();
        }
        open.remove(unclosed.classId());
        try (PreparedStatement query = connection.prepareStatement(CLOSE_OF)) {
            query.setInt(1, unclosed.classId().value());
            query.setLong(2, unclosed.openedAt());
            query.setLong(3, unclosed.openedAt());
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new RollCallEvent.Closed(unclosed.classId(), time(row.getLong(1)), row.getInt(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Makes what was told of the check-ins of roll call {@code id}, open in {@code classId}, what
     * the database has, and returns the check-ins that were not told, each with the count the
     * database has now. Holds the lock.
     */
    private List<RollCallEvent> rebuild(Connection connection, long id, ClassId classId) throws SQLException {
        HeardCheckIns before = open.get(classId);
        HeardCheckIns now = new HeardCheckIns(before.openedAt());
        List<Matricula> untold = new ArrayList<>();
        List<Long> untoldAt = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(CHECK_INS)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Matricula matricula = new Matricula(rows.getString(1));
                    now.add(matricula);
                    if (!before.contains(matricula)) {
                        untold.add(matricula);
                        untoldAt.add(rows.getLong(2));
                    }
                }
            }
        }
        open.put(classId, now);
        List<RollCallEvent> missed = new ArrayList<>();
        for (int i = 0; i < untold.size(); i++) {
            missed.add(new RollCallEvent.CheckedIn(classId, untold.get(i), time(untoldAt.get(i)),
                    now.present(), Optional.empty()));
        }
        return missed;
    }

    private static List<OpenRollCall> openRollCalls(Connection connection) throws SQLException {
        List<OpenRollCall> rollCalls = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(OPEN_ROLL_CALLS);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rollCalls.add(new OpenRollCall(rows.getLong(1), new ClassId(rows.getInt(2)), rows.getLong(3),
                        rows.getInt(4)));
            }
        }
        return rollCalls;
    }

    private OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime();
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
