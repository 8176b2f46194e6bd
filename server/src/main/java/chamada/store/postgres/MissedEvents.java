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

    /** A difference between what was told and the database; equal records are the same difference. */
    private sealed interface Difference {
        /** Told open, closed in the database. */
        record Unclosed(ClassId classId, long openedAt) implements Difference {
        }

        /** Open in the database, its opening never told. */
        record Unopened(ClassId classId, long rollCallId, long openedAt) implements Difference {
        }

        /** Told other check-ins or replacements than the database has. */
        record Uncounted(ClassId classId, long rollCallId, long openedAt, int present, int replacements, int toldPresent,
                         int toldReplacements) implements Difference {
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
    /** What the last poll found; only the listening thread touches it. */
    private Set<Difference> lastFound = Set.of();

    MissedEvents(EventHub hub, ZoneId zone) {
        this.hub = hub;
        this.zone = zone;
    }

    /** This node's own events, just committed: told here, but for those a repair already told. */
    void told(List<RollCallEvent> events) {
        List<RollCallEvent> fresh = new ArrayList<>(events.size());
        lock.lock();
        try {
            for (RollCallEvent event : events) {
                if (note(event)) {
                    fresh.add(event);
                }
            }
        } finally {
            lock.unlock();
        }
        fresh.forEach(hub::publish);
    }

    /** Another node's event: told here unless this node's views were already told it. */
    void heard(RollCallEvent event) {
        told(List.of(event));
    }

    /** Notes {@code event} as told; false if it already was. Holds the lock. */
    private boolean note(RollCallEvent event) {
        return switch (event) {
            case RollCallEvent.Opened opened -> {
                long at = millis(opened.at());
                HeardCheckIns known = open.get(opened.classId());
                closedAt.remove(opened.classId());
                if (known != null && known.openedAt() == at) {
                    yield false;
                }
                if (known != null && known.openedAt() == HeardCheckIns.UNKNOWN) {
                    known.openedAt(at); // its check-ins came first, from another node: kept
                } else {
                    open.put(opened.classId(), new HeardCheckIns(at));
                }
                yield true;
            }
            case RollCallEvent.CheckedIn in -> {
                HeardCheckIns known = open.computeIfAbsent(in.classId(), classId -> new HeardCheckIns(HeardCheckIns.UNKNOWN));
                boolean added = known.add(in.matricula());
                if (added && in.replaced().isPresent()) {
                    known.remove(in.replaced().get());
                    known.replacements(known.replacements() + 1);
                }
                yield added;
            }
            case RollCallEvent.Closed closed -> {
                HeardCheckIns known = open.remove(closed.classId());
                long at = millis(closed.at());
                Long toldClosed = closedAt.put(closed.classId(), at);
                // Untracked, and this very close told: heard after a repair told it.
                yield known != null || toldClosed == null || toldClosed != at;
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
                merge(rollCall.classId(), known, present, rollCall.present());
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
                openInDatabase.add(rollCall.classId());
                HeardCheckIns known = open.get(rollCall.classId());
                if (known == null || known.openedAt() != rollCall.openedAt()) {
                    if (known != null && known.openedAt() != HeardCheckIns.UNKNOWN) {
                        found.add(new Difference.Unclosed(rollCall.classId(), known.openedAt()));
                    }
                    found.add(new Difference.Unopened(rollCall.classId(), rollCall.id(), rollCall.openedAt()));
                } else if (known.present() != rollCall.present() || known.replacements() != rollCall.replacements()) {
                    found.add(new Difference.Uncounted(rollCall.classId(), rollCall.id(), rollCall.openedAt(),
                            rollCall.present(), rollCall.replacements(), known.present(), known.replacements()));
                }
            }
            open.forEach((classId, known) -> {
                if (!openInDatabase.contains(classId)) {
                    found.add(new Difference.Unclosed(classId, known.openedAt()));
                }
            });
        } finally {
            lock.unlock();
        }
        return found;
    }

    /** Reads what {@code difference} lacks, then, under the lock, tells what is still untold. */
    private void repair(Connection connection, Difference difference) throws SQLException {
        List<RollCallEvent> missed = new ArrayList<>();
        switch (difference) {
            case Difference.Unclosed unclosed -> {
                Optional<RollCallEvent.Closed> close = closeOf(connection, unclosed);
                lock.lock();
                try {
                    HeardCheckIns known = open.get(unclosed.classId());
                    if (known != null && known.openedAt() == unclosed.openedAt()) {
                        close.filter(this::note).ifPresentOrElse(missed::add, () -> open.remove(unclosed.classId()));
                    }
                } finally {
                    lock.unlock();
                }
            }
            case Difference.Unopened unopened -> {
                Present present = present(connection, unopened.rollCallId());
                lock.lock();
                try {
                    RollCallEvent.Opened opened = new RollCallEvent.Opened(unopened.classId(), time(unopened.openedAt()));
                    if (note(opened)) {
                        missed.add(opened);
                    }
                    missed.addAll(merge(unopened.classId(), open.get(unopened.classId()), present,
                            present.checkIns().size()));
                } finally {
                    lock.unlock();
                }
            }
            case Difference.Uncounted uncounted -> {
                Present present = present(connection, uncounted.rollCallId());
                lock.lock();
                try {
                    HeardCheckIns known = open.get(uncounted.classId());
                    if (known != null && known.openedAt() == uncounted.openedAt()) {
                        missed.addAll(merge(uncounted.classId(), known, present, present.checkIns().size()));
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
        missed.forEach(hub::publish);
    }

    /**
     * Adds to what was told of a roll call what the database has ({@code present}), and returns
     * the check-ins that were untold, each with {@code count}. A student replaced in the database
     * leaves what was told. Holds the lock.
     */
    private List<RollCallEvent> merge(ClassId classId, HeardCheckIns known, Present present, int count) {
        List<RollCallEvent> untold = new ArrayList<>();
        present.checkIns().forEach((matricula, at) -> {
            if (known.add(matricula)) {
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
