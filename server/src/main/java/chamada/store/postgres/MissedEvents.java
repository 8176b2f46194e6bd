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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What this node's live views are told, each event once, from its own writer and from the other
 * nodes, and the backstop for what a {@code NOTIFY} lost on the way (a node killed between its
 * commit and its {@code NOTIFY}, a listening connection down for a while).
 *
 * <p>Each open roll call's check-ins told are kept ({@link HeardCheckIns}), with how many
 * replacements; an event already told is not told again. A slow poll ({@link #poll}) reads the
 * open roll calls with their counts; a difference is repaired only when the next poll finds it
 * unchanged, so that events still on their way (sent within tens of milliseconds) are never told
 * twice, and a busy class is repaired once it is quiet. A repaired check-in carries the count the
 * database has then, and the student it replaced where the views were told of that one.
 *
 * <p>Threads: the writer tells its node's events ({@link #told}); the listening thread hears the
 * others' and polls. The database is read without the lock, so a slow query never holds the
 * writer; what was read is merged under the lock, and only what is still untold is told.
 */
final class MissedEvents {

    private static final String OPEN_ROLL_CALLS = """
            SELECT r.id, r.class_id, r.opened_at, c.present,
                   (SELECT COUNT(*) FROM check_in_replacements x WHERE x.roll_call_id = r.id)
            FROM roll_calls r JOIN roll_call_counts c ON c.roll_call_id = r.id
            WHERE r.closed_at IS NULL""";
    private static final String CHECK_INS = "SELECT matricula, at FROM check_ins WHERE roll_call_id = ? ORDER BY seq";
    private static final String REPLACEMENTS =
            "SELECT by_matricula, replaced FROM check_in_replacements WHERE roll_call_id = ? ORDER BY at";
    private static final String CLOSE_OF = """
            SELECT r.closed_at, c.present
            FROM roll_calls r JOIN roll_call_counts c ON c.roll_call_id = r.id
            WHERE r.class_id = ? AND r.closed_at IS NOT NULL AND (r.opened_at = ? OR ? = -1)
            ORDER BY r.opened_at DESC LIMIT 1""";

    /**
     * A difference between what was told and the database; equal records are the same difference.
     * {@code told} is when what was told of the class last changed ({@link #changed}): a repair,
     * read without the lock, is made only if nothing was told of the class since.
     */
    private sealed interface Difference {
        ClassId classId();

        long told();

        /** Told open, closed in the database. */
        record Unclosed(ClassId classId, long openedAt, long told) implements Difference {
        }

        /** Open in the database, its opening never told. */
        record Unopened(ClassId classId, long rollCallId, long openedAt, long told) implements Difference {
        }

        /** Told other check-ins or replacements than the database has. */
        record Uncounted(ClassId classId, long rollCallId, long openedAt, int present, int replacements,
                         long told) implements Difference {
        }
    }

    private record OpenRollCall(long id, ClassId classId, long openedAt, int present, int replacements) {
    }

    /** A roll call's check-ins in arrival order, and who each replacement put in whose place. */
    private record Present(Map<Matricula, Long> checkIns, Map<Matricula, Matricula> replacedBy, int replacements) {
    }

    private final EventHub hub;
    private final ZoneId zone;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final Map<ClassId, HeardCheckIns> open = new HashMap<>();
    /** When each class's last roll call told closed was closed, in epoch milliseconds; guarded by {@link #lock}. */
    private final Map<ClassId, Long> closedAt = new HashMap<>();
    /** For each class, {@link #changes} when what was told of it last changed; guarded by {@link #lock}. */
    private final Map<ClassId, Long> changed = new HashMap<>();
    /** Counts the changes to what was told; guarded by {@link #lock}. */
    private long changes;
    /** What the last poll found; only the listening thread touches it. */
    private Set<Difference> lastFound = Set.of();

    MissedEvents(EventHub hub, ZoneId zone) {
        this.hub = hub;
        this.zone = zone;
    }

    /**
     * This node's own events, just committed: told here, but for those a repair already told.
     * Told under the lock, so that one class's events reach its views in the order they were
     * noted, whichever thread notes them; the views only queue what they hear.
     */
    void told(List<RollCallEvent> events) {
        lock.lock();
        try {
            for (RollCallEvent event : events) {
                if (note(event)) {
                    hub.publish(event);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Another node's event: told here unless this node's views were already told it. */
    void heard(RollCallEvent event) {
        told(List.of(event));
    }

    /**
     * Notes {@code event} as told; false if it already was, or if it belongs to an earlier roll
     * call of its class than the one told open (an event carries its class, not its roll call:
     * one from before the roll call opened, or from before the close last told, is late). Holds
     * the lock.
     */
    private boolean note(RollCallEvent event) {
        changed.put(event.classId(), ++changes);
        long at = millis(event.at());
        HeardCheckIns known = open.get(event.classId());
        return switch (event) {
            case RollCallEvent.Opened opened -> {
                if (known != null && known.openedAt() == at) {
                    yield false;
                }
                closedAt.remove(opened.classId());
                if (known != null && known.openedAt() == HeardCheckIns.UNKNOWN && known.earliestAt() >= at) {
                    known.openedAt(at); // its check-ins came first, from another node: kept
                } else {
                    // A roll call told open and never closed here is over: its views end on this
                    // open and read the class again (EventStreams).
                    open.put(opened.classId(), new HeardCheckIns(at));
                }
                yield true;
            }
            case RollCallEvent.CheckedIn in -> {
                Long closed = closedAt.get(in.classId());
                if (known == null ? closed != null && at <= closed : known.openedAt() != HeardCheckIns.UNKNOWN
                        && at < known.openedAt()) {
                    yield false;
                }
                if (known == null) {
                    known = new HeardCheckIns(HeardCheckIns.UNKNOWN);
                    open.put(in.classId(), known);
                }
                boolean added = known.add(in.matricula(), at);
                if (added && in.replaced().isPresent()) {
                    known.remove(in.replaced().get());
                    known.replacements(known.replacements() + 1);
                }
                yield added;
            }
            // None of these changes who is present: told as they come.
            case RollCallEvent.Marked marked -> true;
            case RollCallEvent.MessagePosted posted -> true;
            case RollCallEvent.QuestionShown shown -> true;
            case RollCallEvent.Closed closed -> {
                if (known != null && known.openedAt() != HeardCheckIns.UNKNOWN && at < known.openedAt()) {
                    yield false;
                }
                open.remove(closed.classId());
                Long toldClosed = closedAt.put(closed.classId(), at);
                yield toldClosed == null || toldClosed != at;
            }
        };
    }

    /**
     * Takes what is open in the database as told, telling nobody: what a starting node's views
     * are shown by reading the roll call. Called once this node listens, so nothing falls between.
     */
    void startFrom(Connection connection) throws SQLException {
        Map<OpenRollCall, Present> rollCalls = new LinkedHashMap<>();
        for (OpenRollCall rollCall : openRollCalls(connection)) {
            rollCalls.put(rollCall, present(connection, rollCall.id()));
        }
        lock.lock();
        try {
            rollCalls.forEach((rollCall, present) -> {
                HeardCheckIns known = open.computeIfAbsent(rollCall.classId(), classId -> new HeardCheckIns(rollCall.openedAt()));
                known.openedAt(rollCall.openedAt());
                merge(rollCall.classId(), known, present);
            });
        } finally {
            lock.unlock();
        }
    }

    /** Compares what was told with the database, and tells what a previous poll also found missing. */
    void poll(Connection connection) throws SQLException {
        Set<Difference> found = differences(openRollCalls(connection));
        List<Difference> confirmed = found.stream().filter(lastFound::contains)
                .sorted(Comparator.comparingInt(MissedEvents::order)).toList();
        lastFound = found;
        for (Difference difference : confirmed) {
            repair(connection, difference);
        }
    }

    /** A class closed and opened again is told in that order. */
    private static int order(Difference difference) {
        return switch (difference) {
            case Difference.Unclosed unclosed -> 0;
            case Difference.Unopened unopened -> 1;
            case Difference.Uncounted uncounted -> 2;
        };
    }

    private Set<Difference> differences(List<OpenRollCall> rollCalls) {
        Set<Difference> found = new HashSet<>();
        Set<ClassId> openInDatabase = new HashSet<>();
        lock.lock();
        try {
            for (OpenRollCall rollCall : rollCalls) {
                ClassId classId = rollCall.classId();
                openInDatabase.add(classId);
                HeardCheckIns known = open.get(classId);
                long told = changed.getOrDefault(classId, 0L);
                if (known == null || known.openedAt() != rollCall.openedAt()) {
                    found.add(new Difference.Unopened(classId, rollCall.id(), rollCall.openedAt(), told));
                } else if (known.present() != rollCall.present() || known.replacements() != rollCall.replacements()) {
                    found.add(new Difference.Uncounted(classId, rollCall.id(), rollCall.openedAt(), rollCall.present(),
                            rollCall.replacements(), told));
                }
            }
            open.forEach((classId, known) -> {
                if (!openInDatabase.contains(classId)) {
                    found.add(new Difference.Unclosed(classId, known.openedAt(), changed.getOrDefault(classId, 0L)));
                }
            });
        } finally {
            lock.unlock();
        }
        return found;
    }

    /**
     * Reads what {@code difference} lacks, then, under the lock and only if nothing was told of
     * its class meanwhile, tells what is still untold.
     */
    private void repair(Connection connection, Difference difference) throws SQLException {
        Optional<RollCallEvent.Closed> close = difference instanceof Difference.Unclosed unclosed
                ? closeOf(connection, unclosed) : Optional.empty();
        Present present = switch (difference) {
            case Difference.Unclosed unclosed -> null;
            case Difference.Unopened unopened -> present(connection, unopened.rollCallId());
            case Difference.Uncounted uncounted -> present(connection, uncounted.rollCallId());
        };
        lock.lock();
        try {
            if (changed.getOrDefault(difference.classId(), 0L) != difference.told()) {
                return; // the next polls look again
            }
            List<RollCallEvent> missed = new ArrayList<>();
            switch (difference) {
                case Difference.Unclosed unclosed -> {
                    if (close.filter(this::note).isPresent()) {
                        missed.add(close.get());
                    }
                    open.remove(unclosed.classId());
                }
                case Difference.Unopened unopened -> {
                    RollCallEvent.Opened opened = new RollCallEvent.Opened(unopened.classId(), time(unopened.openedAt()));
                    if (note(opened)) {
                        missed.add(opened);
                    }
                    missed.addAll(merge(unopened.classId(), open.get(unopened.classId()), present));
                }
                case Difference.Uncounted uncounted ->
                        missed.addAll(merge(uncounted.classId(), open.get(uncounted.classId()), present));
            }
            missed.forEach(hub::publish);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds to what was told of a roll call what the database has ({@code present}), and returns
     * the check-ins that were untold, each with the count the database has. A student replaced in
     * the database leaves what was told. Holds the lock.
     */
    private List<RollCallEvent> merge(ClassId classId, HeardCheckIns known, Present present) {
        changed.put(classId, ++changes);
        int count = present.checkIns().size();
        List<RollCallEvent> untold = new ArrayList<>();
        present.checkIns().forEach((matricula, at) -> {
            if (known.add(matricula, at)) {
                Optional<Matricula> replaced = Optional.ofNullable(present.replacedBy().get(matricula))
                        .filter(known::contains);
                replaced.ifPresent(known::remove);
                untold.add(new RollCallEvent.CheckedIn(classId, matricula, time(at), count, replaced));
            }
        });
        present.replacedBy().values().stream().filter(gone -> !present.checkIns().containsKey(gone))
                .forEach(known::remove);
        known.replacements(present.replacements());
        return untold;
    }

    private Optional<RollCallEvent.Closed> closeOf(Connection connection, Difference.Unclosed unclosed)
            throws SQLException {
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

    private static Present present(Connection connection, long rollCallId) throws SQLException {
        Map<Matricula, Long> checkIns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(CHECK_INS)) {
            query.setLong(1, rollCallId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    checkIns.put(new Matricula(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        Map<Matricula, Matricula> replacedBy = new HashMap<>();
        int replacements = 0;
        try (PreparedStatement query = connection.prepareStatement(REPLACEMENTS)) {
            query.setLong(1, rollCallId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    replacedBy.put(new Matricula(rows.getString(1)), new Matricula(rows.getString(2)));
                    replacements++;
                }
            }
        }
        return new Present(checkIns, replacedBy, replacements);
    }

    private static List<OpenRollCall> openRollCalls(Connection connection) throws SQLException {
        List<OpenRollCall> rollCalls = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(OPEN_ROLL_CALLS);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rollCalls.add(new OpenRollCall(rows.getLong(1), new ClassId(rows.getInt(2)), rows.getLong(3),
                        rows.getInt(4), rows.getInt(5)));
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
