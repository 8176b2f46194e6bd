package chamada.store.postgres;

import chamada.attendance.Mark;
import chamada.attendance.MarkResult;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInCode;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.store.Command;
import chamada.store.RollCallReads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
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
import java.util.TreeMap;

/**
 * The PostgreSQL store's rules, decided: each method runs inside the writer's transaction and
 * decides its commands by the database's constraints and row locks, so the nodes sharing the
 * database decide as one.
 *
 * <ul>
 *   <li>One open roll call per class: the partial unique index, through {@code ON CONFLICT DO NOTHING}.</li>
 *   <li>A matrícula once per roll call: the primary key, through {@code ON CONFLICT DO NOTHING},
 *       so a retried check-in is harmless and the loser of a race reads the winner's time.</li>
 *   <li>No check-in after its roll call's close: a check-in locks its open roll call's row
 *       {@code FOR SHARE} and inserts in the same transaction; a close takes the row
 *       {@code FOR UPDATE}, so it waits for those check-ins, and those after it find it closed.</li>
 *   <li>One device, one check-in: the device's check-ins in a roll call are decided one at a
 *       time, under a transaction lock on the pair, by whichever node holds it.</li>
 *   <li>Only the opener closes ({@link TeacherName#mayClose}), unless the command says anybody may,
 *       decided under the close's row lock.</li>
 * </ul>
 */
final class PostgresRules {

    private static final String OPEN = """
            INSERT INTO roll_calls (class_id, teacher, opened_at, code_policy, code_secret, code_period_s,
                                    code_grace_s, shared_devices, accept_unknown, late_after_s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (class_id) WHERE closed_at IS NULL DO NOTHING
            RETURNING id""";
    private static final String START_COUNT = "INSERT INTO roll_call_counts (roll_call_id, present) VALUES (?, 0)";
    private static final String ADD_TO_COUNT =
            "UPDATE roll_call_counts SET present = present + ? WHERE roll_call_id = ? RETURNING present";
    private static final String OPENED_AT = "SELECT opened_at FROM roll_calls WHERE class_id = ? AND closed_at IS NULL";
    private static final String LOCK_OPEN = """
            SELECT id, class_id, teacher, opened_at, code_policy, code_secret, code_period_s, code_grace_s,
                   shared_devices, accept_unknown, late_after_s,
                   EXISTS (SELECT 1 FROM roster WHERE roster.class_id = roll_calls.class_id) AS has_roster
            FROM roll_calls WHERE class_id = ANY (?) AND closed_at IS NULL
            ORDER BY id FOR SHARE""";
    /**
     * Which of the run's (class, matrícula) pairs the roster does not refuse, as this one
     * statement sees it: on it, the class has no roster any more, or already present (a repeat
     * is decided before the roster). One statement, one snapshot: a roster replaced or cleared
     * meanwhile is seen whole or not at all.
     */
    private static final String ADMITTED_BY_ROSTER = """
            SELECT t.c, t.m FROM unnest(?::integer[], ?::text[], ?::bigint[]) AS t (c, m, r)
            WHERE EXISTS (SELECT 1 FROM roster x WHERE x.class_id = t.c AND x.matricula = t.m)
               OR NOT EXISTS (SELECT 1 FROM roster x WHERE x.class_id = t.c)
               OR EXISTS (SELECT 1 FROM check_ins i WHERE i.roll_call_id = t.r AND i.matricula = t.m)""";
    /** Serializes two imports of one class's roster, on whichever nodes they run. */
    private static final String LOCK_ROSTER = "SELECT pg_advisory_xact_lock(hashtextextended('roster:' || ?, 0))";
    private static final String ROSTER_NAMES = "SELECT matricula, name FROM roster WHERE class_id = ?";
    private static final String DELETE_ROSTER = "DELETE FROM roster WHERE class_id = ?";
    private static final String INSERT_ROSTER = """
            INSERT INTO roster (class_id, matricula, name)
            SELECT ?, m, n FROM unnest(?::text[], ?::text[]) AS t (m, n)""";
    private static final String LOCK_FOR_CLOSE =
            "SELECT id, teacher FROM roll_calls WHERE class_id = ? AND closed_at IS NULL FOR UPDATE";
    private static final String CLOSE = "UPDATE roll_calls SET closed_at = ?, closed_by = ? WHERE id = ?";
    /** At a close, every roster student without a check-in is absent, in the close's transaction. */
    private static final String MARK_ABSENT = """
            INSERT INTO statuses (roll_call_id, matricula, status, source)
            SELECT ?, r.matricula, 'absent', 'close' FROM roster r
            WHERE r.class_id = ?
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.roll_call_id = ? AND c.matricula = r.matricula)
            ON CONFLICT (roll_call_id, matricula) DO NOTHING""";
    /** The roll call a correction names, or the class's latest, locked against a close meanwhile. */
    private static final String LOCK_FOR_MARK = """
            SELECT id, closed_at, opened_at, late_after_s FROM roll_calls
            WHERE class_id = ? AND (id = ? OR ?::bigint IS NULL)
            ORDER BY id DESC LIMIT 1 FOR UPDATE""";
    private static final String STATUS_OF = "SELECT status FROM statuses WHERE roll_call_id = ? AND matricula = ?";
    private static final String CHECK_IN_AT = "SELECT at FROM check_ins WHERE roll_call_id = ? AND matricula = ?";
    private static final String SET_STATUS = """
            INSERT INTO statuses (roll_call_id, matricula, status, source) VALUES (?, ?, ?, 'teacher')
            ON CONFLICT (roll_call_id, matricula) DO UPDATE SET status = excluded.status, source = 'teacher'""";
    private static final String INSERT_AUDIT = """
            INSERT INTO audit (at, teacher, class_id, roll_call_id, matricula, from_status, to_status, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";
    private static final String INSERT_CHECK_INS = """
            INSERT INTO check_ins (roll_call_id, matricula, at, device)
            SELECT r, m, a, d FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[]) WITH ORDINALITY AS t (r, m, a, d, n)
            ORDER BY n
            ON CONFLICT (roll_call_id, matricula) DO NOTHING
            RETURNING roll_call_id, matricula""";
    private static final String TIMES_OF = """
            SELECT c.roll_call_id, c.matricula, c.at FROM check_ins c
            JOIN unnest(?::bigint[], ?::text[]) AS t (r, m) ON c.roll_call_id = t.r AND c.matricula = t.m""";
    /** Keyed by the roll call and the device, 64 bits, so two pairs seldom wait for each other. */
    private static final String LOCK_DEVICE = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";
    /** The device's check-in now, and when the device first checked in: its own time, or an earlier replaced one's. */
    private static final String DEVICE_USE = """
            SELECT c.matricula, LEAST(c.at, (SELECT MIN(x.device_first_at) FROM check_in_replacements x
                                             WHERE x.roll_call_id = c.roll_call_id AND x.device = c.device))
            FROM check_ins c WHERE c.roll_call_id = ? AND c.device = ?""";
    private static final String DELETE_CHECK_IN = "DELETE FROM check_ins WHERE roll_call_id = ? AND matricula = ?";
    private static final String INSERT_REPLACEMENT = """
            INSERT INTO check_in_replacements (roll_call_id, device, replaced, by_matricula, at, device_first_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    /**
     * A step's outcomes, one per command in order, and how many were present, once it committed,
     * in the roll call of each class it checked students into (for the live views' counts).
     */
    record Decided(List<?> outcomes, Map<ClassId, Integer> presentAfter) {
    }

    /**
     * An open roll call a check-in run locked: its id, the rules its check-ins are decided by,
     * and whether its roster refuses matrículas not on it.
     */
    private record Locked(long id, OffsetDateTime openedAt, CheckInRules rules, boolean rosterRefusesUnknown) {

        boolean isLate(OffsetDateTime at) {
            return rules.isLate(openedAt, at);
        }
    }

    private final ZoneId zone;
    private final RollCallReads reads;

    PostgresRules(ZoneId zone, RollCallReads reads) {
        this.zone = zone;
        this.reads = reads;
    }

    Decided open(Connection connection, Command.Open command) throws SQLException {
        return new Decided(List.of(opened(connection, command)), Map.of());
    }

    private OpenResult opened(Connection connection, Command.Open command) throws SQLException {
        CheckInRules rules = command.rules();
        while (true) {
            try (PreparedStatement insert = connection.prepareStatement(OPEN)) {
                insert.setInt(1, command.classId().value());
                insert.setString(2, command.teacher().value());
                insert.setLong(3, millis(command.at()));
                insert.setString(4, rules.policy().wire());
                insert.setBytes(5, rules.secret().isNone() ? null : rules.secret().bytes());
                insert.setLong(6, rules.period().toSeconds());
                insert.setLong(7, rules.grace().toSeconds());
                insert.setInt(8, rules.sharedDevices() ? 1 : 0);
                insert.setInt(9, rules.acceptUnknown() ? 1 : 0);
                if (rules.lateAfter().isPresent()) {
                    insert.setLong(10, rules.lateAfter().get().toSeconds());
                } else {
                    insert.setNull(10, Types.INTEGER);
                }
                try (ResultSet id = insert.executeQuery()) {
                    if (id.next()) {
                        startCount(connection, id.getLong(1));
                        return new OpenResult.Opened(id.getLong(1), command.classId(), command.teacher(), command.at(),
                                rules);
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(OPENED_AT)) {
                query.setInt(1, command.classId().value());
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return new OpenResult.AlreadyOpen(command.classId(), time(row.getLong(1)));
                    }
                }
            }
            // The open one was closed between the two statements: try the open again.
        }
    }

    Decided close(Connection connection, Command.Close command) throws SQLException {
        return new Decided(List.of(closed(connection, command)), Map.of());
    }

    private CloseResult closed(Connection connection, Command.Close command) throws SQLException {
        long id;
        TeacherName owner;
        try (PreparedStatement lock = connection.prepareStatement(LOCK_FOR_CLOSE)) {
            lock.setInt(1, command.classId().value());
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return new CloseResult.NotOpen(command.classId());
                }
                id = row.getLong(1);
                owner = new TeacherName(row.getString(2));
            }
        }
        if (!command.mayClose(owner)) {
            return new CloseResult.NotOwner(command.classId(), owner);
        }
        try (PreparedStatement close = connection.prepareStatement(CLOSE);
             PreparedStatement absent = connection.prepareStatement(MARK_ABSENT)) {
            close.setLong(1, millis(command.at()));
            close.setString(2, command.teacher().value());
            close.setLong(3, id);
            close.executeUpdate();
            absent.setLong(1, id);
            absent.setInt(2, command.classId().value());
            absent.setLong(3, id);
            absent.executeUpdate();
        }
        RollCall closed = reads.rollCall(connection, id);
        return new CloseResult.Closed(closed);
    }

    /**
     * Decides {@code stamped}, consecutive check-ins, in order, each stamped no earlier than its
     * roll call's opening ({@link CheckInAttempt#notBefore}): those that need no device decision
     * go in one multi-row insert; a device's check-in is decided on its own, between them, so
     * that every outcome is the one the order of the run gives.
     */
    Decided checkIns(Connection connection, List<Command.CheckIn> stamped) throws SQLException {
        Map<ClassId, Locked> open = lockOpen(connection, stamped);
        List<Command.CheckIn> run = notBeforeOpening(stamped, open);
        Set<Enrolled> admitted = admittedByRoster(connection, run, open);
        List<CheckInResult> outcomes = new ArrayList<>(run.size());
        List<Integer> pending = new ArrayList<>();
        for (Command.CheckIn command : run) {
            CheckInAttempt attempt = command.attempt();
            Locked locked = open.get(attempt.classId());
            Optional<CheckInResult> refused = locked == null
                    ? Optional.of(new CheckInResult.NotOpen(attempt.classId(), attempt.at()))
                    : codeRefusal(locked.rules(), attempt);
            if (refused.isEmpty() && locked.rosterRefusesUnknown()
                    && !admitted.contains(new Enrolled(attempt.classId().value(), attempt.matricula().value()))) {
                refused = Optional.of(new CheckInResult.NotInRoster(attempt.classId(), attempt.matricula(), attempt.at()));
            }
            if (refused.isPresent()) {
                outcomes.add(refused.get());
            } else if (attempt.device().isPresent() && !locked.rules().sharedDevices()) {
                insertPending(connection, run, open, pending, outcomes);
                outcomes.add(deviceCheckIn(connection, locked, attempt));
            } else {
                pending.add(outcomes.size());
                outcomes.add(null);
            }
        }
        insertPending(connection, run, open, pending, outcomes);
        return new Decided(outcomes, count(connection, run, open, outcomes));
    }

    /** {@code run} with each check-in into an open roll call stamped no earlier than its opening. */
    private static List<Command.CheckIn> notBeforeOpening(List<Command.CheckIn> run, Map<ClassId, Locked> open) {
        return run.stream().map(command -> {
            Locked locked = open.get(command.attempt().classId());
            CheckInAttempt attempt = locked == null ? command.attempt() : command.attempt().notBefore(locked.openedAt());
            return attempt == command.attempt() ? command : new Command.CheckIn(attempt, command.done());
        }).toList();
    }

    /**
     * Adds this run's new students to each roll call's count, in roll-call order so that two
     * nodes never wait for each other's counts, and returns each class's count after it. Last in
     * the run, so the count's row lock is held only until the commit.
     */
    private static Map<ClassId, Integer> count(Connection connection, List<Command.CheckIn> run,
                                               Map<ClassId, Locked> open, List<CheckInResult> outcomes) throws SQLException {
        Map<ClassId, Integer> added = new TreeMap<>(Comparator.comparingLong(c -> open.get(c).id()));
        for (int i = 0; i < outcomes.size(); i++) {
            CheckInResult outcome = outcomes.get(i);
            if (outcome instanceof CheckInResult.Registered || outcome instanceof CheckInResult.Replaced) {
                added.merge(run.get(i).attempt().classId(), outcome instanceof CheckInResult.Registered ? 1 : 0,
                        Integer::sum);
            }
        }
        Map<ClassId, Integer> presentAfter = new HashMap<>();
        try (PreparedStatement update = connection.prepareStatement(ADD_TO_COUNT)) {
            for (Map.Entry<ClassId, Integer> entry : added.entrySet()) {
                update.setInt(1, entry.getValue());
                update.setLong(2, open.get(entry.getKey()).id());
                try (ResultSet row = update.executeQuery()) {
                    row.next();
                    presentAfter.put(entry.getKey(), row.getInt(1));
                }
            }
        }
        return presentAfter;
    }

    private static void startCount(Connection connection, long rollCallId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(START_COUNT)) {
            insert.setLong(1, rollCallId);
            insert.executeUpdate();
        }
    }

    private Map<ClassId, Locked> lockOpen(Connection connection, List<Command.CheckIn> run) throws SQLException {
        Object[] classes = run.stream().map(command -> command.attempt().classId().value()).distinct().toArray();
        Map<ClassId, Locked> open = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_OPEN)) {
            lock.setArray(1, connection.createArrayOf("integer", classes));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    CheckInRules rules = RollCallReads.rules(rows);
                    open.put(new ClassId(rows.getInt("class_id")), new Locked(rows.getLong("id"),
                            time(rows.getLong("opened_at")), rules, rows.getBoolean("has_roster") && !rules.acceptUnknown()));
                }
            }
        }
        return open;
    }

    /**
     * Which of the run's matrículas the roster of a class whose roster refuses the others
     * admits, as (class, matrícula) keys; read only when the run has such a class (which the
     * lock's statement saw with a roster: one without is not read, as before any roster).
     */
    private static Set<Enrolled> admittedByRoster(Connection connection, List<Command.CheckIn> run,
                                                  Map<ClassId, Locked> open) throws SQLException {
        List<Integer> classes = new ArrayList<>();
        List<String> matriculas = new ArrayList<>();
        List<Long> rollCalls = new ArrayList<>();
        for (Command.CheckIn command : run) {
            Locked locked = open.get(command.attempt().classId());
            if (locked != null && locked.rosterRefusesUnknown()) {
                classes.add(command.attempt().classId().value());
                matriculas.add(command.attempt().matricula().value());
                rollCalls.add(locked.id());
            }
        }
        if (classes.isEmpty()) {
            return Set.of();
        }
        Set<Enrolled> on = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(ADMITTED_BY_ROSTER)) {
            query.setArray(1, connection.createArrayOf("integer", classes.toArray()));
            query.setArray(2, connection.createArrayOf("text", matriculas.toArray()));
            query.setArray(3, connection.createArrayOf("bigint", rollCalls.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    on.add(new Enrolled(rows.getInt(1), rows.getString(2)));
                }
            }
        }
        return on;
    }

    /**
     * Makes {@code command}'s students the class's whole roster in this transaction, and counts
     * what changed against the roster it replaces, read under a lock that two imports of the
     * class take in turn.
     */
    Decided replaceRoster(Connection connection, Command.ReplaceRoster command) throws SQLException {
        int classId = command.classId().value();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ROSTER)) {
            lock.setString(1, Integer.toString(classId));
            lock.execute();
        }
        Map<String, String> before = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(ROSTER_NAMES)) {
            query.setInt(1, classId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    before.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        int added = 0;
        int renamed = 0;
        String[] matriculas = new String[command.students().size()];
        String[] names = new String[matriculas.length];
        for (int i = 0; i < matriculas.length; i++) {
            RosterEntry entry = command.students().get(i);
            matriculas[i] = entry.matricula().value();
            names[i] = entry.name().value();
            String old = before.remove(matriculas[i]);
            if (old == null) {
                added++;
            } else if (!old.equals(names[i])) {
                renamed++;
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ROSTER);
             PreparedStatement insert = connection.prepareStatement(INSERT_ROSTER)) {
            delete.setInt(1, classId);
            delete.executeUpdate();
            insert.setInt(1, classId);
            insert.setArray(2, connection.createArrayOf("text", matriculas));
            insert.setArray(3, connection.createArrayOf("text", names));
            insert.executeUpdate();
        }
        return new Decided(List.of(new RosterChange(command.classId(), added, renamed, before.size(), matriculas.length)),
                Map.of());
    }

    /**
     * A correction, decided under the roll call's row lock (a close waits for it, and it for a
     * close): the roll call named, or the class's latest; locked once its edit window after the
     * close has passed, unless the mark may unlock it; the status before is the last mark or the
     * close's absence, else the check-in's.
     */
    Decided mark(Connection connection, Command.Mark command) throws SQLException {
        return new Decided(List.of(marked(connection, command.mark())), Map.of());
    }

    private MarkResult marked(Connection connection, Mark mark) throws SQLException {
        long id;
        Optional<OffsetDateTime> closedAt;
        OffsetDateTime openedAt;
        Optional<Duration> lateAfter;
        try (PreparedStatement lock = connection.prepareStatement(LOCK_FOR_MARK)) {
            lock.setInt(1, mark.classId().value());
            lock.setObject(2, mark.rollCallId().orElse(null), Types.BIGINT);
            lock.setObject(3, mark.rollCallId().orElse(null), Types.BIGINT);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return new MarkResult.NoRollCall(mark.classId(), mark.rollCallId());
                }
                id = row.getLong(1);
                long closed = row.getLong(2);
                closedAt = row.wasNull() ? Optional.empty() : Optional.of(time(closed));
                openedAt = time(row.getLong(3));
                long late = row.getLong(4);
                lateAfter = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(late));
            }
        }
        if (closedAt.isPresent() && !mark.mayUnlock()) {
            OffsetDateTime lockedSince = closedAt.get().plus(mark.editWindow());
            if (mark.at().isAfter(lockedSince)) {
                return new MarkResult.Locked(mark.classId(), id, lockedSince);
            }
        }
        Optional<AttendanceStatus> from = statusBefore(connection, id, mark.matricula(), openedAt, lateAfter);
        try (PreparedStatement set = connection.prepareStatement(SET_STATUS);
             PreparedStatement audit = connection.prepareStatement(INSERT_AUDIT)) {
            set.setLong(1, id);
            set.setString(2, mark.matricula().value());
            set.setString(3, mark.status().wire());
            set.executeUpdate();
            audit.setLong(1, millis(mark.at()));
            audit.setString(2, mark.teacher().value());
            audit.setInt(3, mark.classId().value());
            audit.setLong(4, id);
            audit.setString(5, mark.matricula().value());
            audit.setString(6, from.map(AttendanceStatus::wire).orElse(null));
            audit.setString(7, mark.status().wire());
            audit.setString(8, mark.reason().value());
            try (ResultSet row = audit.executeQuery()) {
                row.next();
                return new MarkResult.Marked(mark.classId(), id, from, mark.status(), mark.at(), row.getLong(1));
            }
        }
    }

    private Optional<AttendanceStatus> statusBefore(Connection connection, long rollCallId, Matricula matricula,
                                                    OffsetDateTime openedAt, Optional<Duration> lateAfter)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STATUS_OF)) {
            query.setLong(1, rollCallId);
            query.setString(2, matricula.value());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return AttendanceStatus.fromWire(row.getString(1));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(CHECK_IN_AT)) {
            query.setLong(1, rollCallId);
            query.setString(2, matricula.value());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                boolean late = CheckInRules.none().withLateAfter(lateAfter).isLate(openedAt, time(row.getLong(1)));
                return Optional.of(late ? AttendanceStatus.LATE : AttendanceStatus.PRESENT);
            }
        }
    }

    /** The rules in the contract's order: open, then the code, then a repeat, then the roster, then the device. */
    private static Optional<CheckInResult> codeRefusal(CheckInRules rules, CheckInAttempt attempt) {
        if (!rules.policy().needsCode()) {
            return Optional.empty();
        }
        if (attempt.code().isEmpty()) {
            return Optional.of(new CheckInResult.CodeRequired(attempt.classId(), attempt.at()));
        }
        Instant at = attempt.at().toInstant();
        String code = attempt.code().get();
        if (CheckInCode.accepts(rules, code, at)) {
            return Optional.empty();
        }
        return Optional.of(new CheckInResult.WrongCode(attempt.classId(), attempt.at(),
                !CheckInCode.recentlyAccepted(rules, code, at)));
    }

    /**
     * Inserts the check-ins at {@code pending} positions of {@code run} in one statement and
     * fills in their outcomes: registered, or already there (from before, from another node, or
     * earlier in this run) at the first one's time.
     */
    private void insertPending(Connection connection, List<Command.CheckIn> run, Map<ClassId, Locked> open,
                               List<Integer> pending, List<CheckInResult> outcomes) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<Key, Integer> first = new LinkedHashMap<>();
        for (int position : pending) {
            CheckInAttempt attempt = run.get(position).attempt();
            first.putIfAbsent(new Key(open.get(attempt.classId()).id(), attempt.matricula().value()), position);
        }
        int size = first.size();
        Long[] ids = new Long[size];
        String[] matriculas = new String[size];
        Long[] times = new Long[size];
        String[] devices = new String[size];
        int row = 0;
        for (Map.Entry<Key, Integer> entry : first.entrySet()) {
            CheckInAttempt attempt = run.get(entry.getValue()).attempt();
            ids[row] = entry.getKey().rollCallId();
            matriculas[row] = entry.getKey().matricula();
            times[row] = millis(attempt.at());
            devices[row] = attempt.device().map(DeviceId::value).orElse(null);
            row++;
        }
        Map<Key, OffsetDateTime> registered = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHECK_INS)) {
            insert.setArray(1, connection.createArrayOf("bigint", ids));
            insert.setArray(2, connection.createArrayOf("text", matriculas));
            insert.setArray(3, connection.createArrayOf("bigint", times));
            insert.setArray(4, connection.createArrayOf("text", devices));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    Key key = new Key(rows.getLong(1), rows.getString(2));
                    registered.put(key, run.get(first.get(key)).attempt().at());
                }
            }
        }
        Map<Key, OffsetDateTime> earlier = registered.size() == size ? Map.of() : timesOf(connection, first.keySet(), registered);
        for (int position : pending) {
            CheckInAttempt attempt = run.get(position).attempt();
            Key key = new Key(open.get(attempt.classId()).id(), attempt.matricula().value());
            boolean mine = registered.containsKey(key) && first.get(key) == position;
            OffsetDateTime firstAt = registered.containsKey(key) ? registered.get(key) : earlier.get(key);
            if (firstAt == null) {
                throw changedUnderIt(key);
            }
            Locked locked = open.get(attempt.classId());
            outcomes.set(position, mine
                    ? new CheckInResult.Registered(attempt.classId(), attempt.at(), locked.isLate(attempt.at()))
                    : new CheckInResult.AlreadyRegistered(attempt.classId(), firstAt, locked.isLate(firstAt)));
        }
        pending.clear();
    }

    /** When each of {@code keys} not in {@code registered} checked in: rows this transaction did not insert. */
    private Map<Key, OffsetDateTime> timesOf(Connection connection, Iterable<Key> keys, Map<Key, OffsetDateTime> registered)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> matriculas = new ArrayList<>();
        for (Key key : keys) {
            if (!registered.containsKey(key)) {
                ids.add(key.rollCallId());
                matriculas.add(key.matricula());
            }
        }
        Map<Key, OffsetDateTime> times = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(TIMES_OF)) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            query.setArray(2, connection.createArrayOf("text", matriculas.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    times.put(new Key(rows.getLong(1), rows.getString(2)), time(rows.getLong(3)));
                }
            }
        }
        return times;
    }

    /** One check-in under the device rule, decided alone while its device's pair is locked. */
    private CheckInResult deviceCheckIn(Connection connection, Locked locked, CheckInAttempt attempt) throws SQLException {
        String device = attempt.device().orElseThrow().value();
        Key key = new Key(locked.id(), attempt.matricula().value());
        Optional<OffsetDateTime> present = timeOf(connection, key);
        if (present.isPresent()) {
            return new CheckInResult.AlreadyRegistered(attempt.classId(), present.get(), locked.isLate(present.get()));
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK_DEVICE)) {
            lock.setString(1, locked.id() + ":" + device);
            lock.execute();
        }
        Optional<String> replaced = Optional.empty();
        long firstAt = 0;
        try (PreparedStatement query = connection.prepareStatement(DEVICE_USE)) {
            query.setLong(1, locked.id());
            query.setString(2, device);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    replaced = Optional.of(row.getString(1));
                    firstAt = row.getLong(2);
                }
            }
        }
        if (replaced.isEmpty()) {
            if (insertOne(connection, key, attempt)) {
                return new CheckInResult.Registered(attempt.classId(), attempt.at(), locked.isLate(attempt.at()));
            }
            return alreadyThere(connection, locked, key, attempt);
        }
        if (attempt.at().isAfter(time(firstAt).plus(CheckInRules.REPLACE_WINDOW))) {
            return new CheckInResult.DeviceAlreadyUsed(attempt.classId(), attempt.at());
        }
        if (!insertOne(connection, key, attempt)) {
            return alreadyThere(connection, locked, key, attempt);
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_CHECK_IN);
             PreparedStatement record = connection.prepareStatement(INSERT_REPLACEMENT)) {
            delete.setLong(1, locked.id());
            delete.setString(2, replaced.get());
            delete.executeUpdate();
            record.setLong(1, locked.id());
            record.setString(2, device);
            record.setString(3, replaced.get());
            record.setString(4, attempt.matricula().value());
            record.setLong(5, millis(attempt.at()));
            record.setLong(6, firstAt);
            record.executeUpdate();
        }
        return new CheckInResult.Replaced(attempt.classId(), new Matricula(replaced.get()), attempt.at(),
                locked.isLate(attempt.at()));
    }

    /** The outcome of a check-in whose insert met the matrícula's row: already there, at that row's time. */
    private CheckInResult alreadyThere(Connection connection, Locked locked, Key key, CheckInAttempt attempt)
            throws SQLException {
        OffsetDateTime firstAt = timeOf(connection, key).orElseThrow(() -> changedUnderIt(key));
        return new CheckInResult.AlreadyRegistered(attempt.classId(), firstAt, locked.isLate(firstAt));
    }

    private boolean insertOne(Connection connection, Key key, CheckInAttempt attempt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHECK_INS)) {
            insert.setArray(1, connection.createArrayOf("bigint", new Long[] {key.rollCallId()}));
            insert.setArray(2, connection.createArrayOf("text", new String[] {key.matricula()}));
            insert.setArray(3, connection.createArrayOf("bigint", new Long[] {millis(attempt.at())}));
            insert.setArray(4, connection.createArrayOf("text", new String[] {attempt.device().map(DeviceId::value).orElse(null)}));
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Optional<OffsetDateTime> timeOf(Connection connection, Key key) throws SQLException {
        return Optional.ofNullable(timesOf(connection, List.of(key), Map.of()).get(key));
    }

    /**
     * The row a conflicting insert met was gone when its time was read: another node's device
     * replaced it in between. Nothing of the step is kept, and the writer tries it again.
     */
    private static SQLException changedUnderIt(Key key) {
        return new SQLException("the check-in of " + key.matricula() + " in roll call " + key.rollCallId()
                + " changed while it was decided", "40001");
    }

    /** A check-in's identity: a matrícula in a roll call. */
    private record Key(long rollCallId, String matricula) {
    }

    /** A matrícula on a class's roster. */
    private record Enrolled(int classId, String matricula) {
    }

    private OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime();
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
