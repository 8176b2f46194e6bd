package chamada.store;

import chamada.attendance.AuditEntry;
import chamada.attendance.Reason;
import chamada.privacy.StudentRecords;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.CodeSecret;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;
import chamada.roster.Roster;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's queries, turning rows back into domain records with times in the server's zone.
 *
 * <p>Each query is one SQL statement, so it reads one consistent snapshot even while the
 * writer commits. Runs on a reader thread, with that thread's connection.
 */
public final class RollCallReads {

    private static final String ROLL_CALLS_WITH_CHECK_INS = """
            SELECT r.id, r.class_id, r.teacher, r.opened_at, r.closed_at, r.code_policy, r.code_secret,
                   r.code_period_s, r.code_grace_s, r.shared_devices, r.accept_unknown, r.late_after_s,
                   c.matricula, c.at, c.device
            FROM roll_calls r
            LEFT JOIN check_ins c ON c.roll_call_id = r.id
            """;
    private static final String OPEN = ROLL_CALLS_WITH_CHECK_INS + """
            WHERE r.closed_at IS NULL
            ORDER BY r.id, c.seq""";
    private static final String CLOSED = ROLL_CALLS_WITH_CHECK_INS + """
            WHERE r.class_id = ? AND r.closed_at IS NOT NULL
            ORDER BY r.opened_at, r.id, c.seq""";
    /** When each device that replaced a check-in in an open roll call first checked in. */
    private static final String DEVICES_FIRST_AT = """
            SELECT x.roll_call_id, x.device, MIN(x.device_first_at)
            FROM check_in_replacements x JOIN roll_calls r ON r.id = x.roll_call_id
            WHERE r.closed_at IS NULL
            GROUP BY x.roll_call_id, x.device""";
    private static final String OPEN_OF_CLASS = ROLL_CALLS_WITH_CHECK_INS + """
            WHERE r.class_id = ? AND r.closed_at IS NULL
            ORDER BY c.seq""";
    private static final String BY_ID = ROLL_CALLS_WITH_CHECK_INS + """
            WHERE r.id = ?
            ORDER BY c.seq""";
    /** The statuses kept beside the check-ins of a class's closed roll calls. */
    private static final String STATUSES_OF_CLOSED = """
            SELECT s.roll_call_id, s.matricula, s.status FROM statuses s JOIN roll_calls r ON r.id = s.roll_call_id
            WHERE r.class_id = ? AND r.closed_at IS NOT NULL""";
    private static final String STATUSES_OF_ROLL_CALL =
            "SELECT roll_call_id, matricula, status FROM statuses WHERE roll_call_id = ?";
    private static final String STATUSES_OF_OPEN = """
            SELECT s.roll_call_id, s.matricula, s.status FROM statuses s JOIN roll_calls r ON r.id = s.roll_call_id
            WHERE r.closed_at IS NULL""";
    private static final String AUDIT = """
            SELECT id, at, teacher, class_id, roll_call_id, matricula, from_status, to_status, reason FROM audit""";
    private static final String HISTORY = """
            SELECT r.id, r.class_id, r.teacher, r.opened_at, r.closed_at, r.closed_by,
                   (SELECT COUNT(*) FROM check_ins c WHERE c.roll_call_id = r.id) AS present
            FROM roll_calls r
            WHERE r.class_id = ? AND r.closed_at IS NOT NULL
            ORDER BY r.opened_at, r.id""";

    /** The larger of a table's highest id and the highest a purge deleted from it (V13). */
    private static final String HIGHEST = """
            SELECT MAX(COALESCE((SELECT MAX(id) FROM %s), 0),
                       COALESCE((SELECT value FROM highest_ids WHERE name = '%s'), 0))""";

    private final ZoneId zone;

    public RollCallReads(ZoneId zone) {
        this.zone = zone;
    }

    /** The zone times are read back in. */
    public ZoneId zone() {
        return zone;
    }

    /** The highest roll call id ever stored, a purged one too, or 0 for an empty store. */
    long maxRollCallId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HIGHEST.formatted("roll_calls", "roll_calls"));
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The key that signs session tokens, made by the schema's V3 migration. */
    byte[] sessionKey(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT key FROM session_key WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBytes(1);
        }
    }

    /** Every roll call not yet closed, by id, with its check-ins in arrival order. */
    List<StoredRollCall> open(Connection connection) throws SQLException {
        List<StoredRollCall> open;
        try (PreparedStatement query = connection.prepareStatement(OPEN)) {
            open = rollCalls(query);
        }
        Map<Long, Map<DeviceId, OffsetDateTime>> firstAt = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(DEVICES_FIRST_AT);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                firstAt.computeIfAbsent(rows.getLong(1), id -> new HashMap<>())
                        .put(new DeviceId(rows.getString(2)), time(rows.getLong(3)));
            }
        }
        Map<Long, Map<Matricula, AttendanceStatus>> statuses = openStatuses(connection);
        return open.stream().map(stored -> withStatuses(new StoredRollCall(stored.id(), stored.rollCall(),
                firstAt.getOrDefault(stored.id(), Map.of())), statuses)).toList();
    }

    /** The roster of {@code classId}; empty if it has none. */
    public Roster roster(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT matricula, name FROM roster WHERE class_id = ?")) {
            query.setInt(1, classId.value());
            return new Roster(classId, entries(query));
        }
    }

    /** The names of the roster of {@code classId}, unordered; none if it has none. */
    public RosterNames names(Connection connection, ClassId classId) throws SQLException {
        return RosterNames.of(roster(connection, classId));
    }

    /** Every roll call, for the embedded store's writer at start: what a correction is decided by. */
    List<KnownRollCall> known(Connection connection) throws SQLException {
        List<KnownRollCall> known = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, class_id, closed_at FROM roll_calls");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long closedAt = rows.getLong(3);
                boolean open = rows.wasNull(); // asked right after its column: it says whether the last one read was null
                known.add(new KnownRollCall(rows.getLong(1), new ClassId(rows.getInt(2)),
                        open ? Optional.empty() : Optional.of(time(closedAt))));
            }
        }
        return known;
    }

    /** The audit of {@code classId}, oldest first. */
    public List<AuditEntry> audit(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AUDIT + " WHERE class_id = ? ORDER BY id")) {
            query.setInt(1, classId.value());
            return auditEntries(query);
        }
    }

    /** The audit record {@code id}. */
    public AuditEntry auditEntry(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(AUDIT + " WHERE id = ?")) {
            query.setLong(1, id);
            return auditEntries(query).getFirst();
        }
    }

    /** Everything held about {@code matricula}, each kind in the order it was made. */
    public StudentRecords studentRecords(Connection connection, Matricula matricula) throws SQLException {
        String student = matricula.value();
        List<StudentRecords.RosterListing> rosters = rows(connection,
                "SELECT class_id, name FROM roster WHERE matricula = ? ORDER BY class_id", List.of(student),
                row -> new StudentRecords.RosterListing(new ClassId(row.getInt(1)), new StudentName(row.getString(2))));
        List<StudentRecords.CheckInRecord> checkIns = rows(connection, """
                SELECT r.class_id, c.roll_call_id, c.at, c.device IS NOT NULL FROM check_ins c
                JOIN roll_calls r ON r.id = c.roll_call_id WHERE c.matricula = ? ORDER BY c.roll_call_id""",
                List.of(student), row -> new StudentRecords.CheckInRecord(new ClassId(row.getInt(1)), row.getLong(2),
                        time(row.getLong(3)), row.getBoolean(4)));
        List<StudentRecords.StatusRecord> statuses = rows(connection, """
                SELECT r.class_id, s.roll_call_id, s.status, s.source FROM statuses s
                JOIN roll_calls r ON r.id = s.roll_call_id WHERE s.matricula = ? ORDER BY s.roll_call_id""",
                List.of(student), row -> new StudentRecords.StatusRecord(new ClassId(row.getInt(1)), row.getLong(2),
                        AttendanceStatus.fromWire(row.getString(3)).orElseThrow(), row.getString(4)));
        List<StudentRecords.ReplacementRecord> replacements = rows(connection, """
                SELECT r.class_id, x.roll_call_id, x.at, x.replaced, x.by_matricula FROM check_in_replacements x
                JOIN roll_calls r ON r.id = x.roll_call_id WHERE x.replaced = ? OR x.by_matricula = ?
                ORDER BY x.roll_call_id, x.at""", List.of(student, student),
                row -> new StudentRecords.ReplacementRecord(new ClassId(row.getInt(1)), row.getLong(2),
                        time(row.getLong(3)), new Matricula(row.getString(4)), new Matricula(row.getString(5))));
        List<StudentRecords.MessageRecord> messages = rows(connection,
                "SELECT class_id, id, at, text FROM messages WHERE matricula = ? ORDER BY id", List.of(student),
                row -> new StudentRecords.MessageRecord(new ClassId(row.getInt(1)), row.getLong(2), time(row.getLong(3)),
                        row.getString(4)));
        try (PreparedStatement query = connection.prepareStatement(AUDIT + " WHERE matricula = ? ORDER BY id")) {
            query.setString(1, student);
            return new StudentRecords(matricula, rosters, checkIns, statuses, replacements, auditEntries(query),
                    messages);
        }
    }

    /** A row of a query, read into a value. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> rows(Connection connection, String sql, List<String> values, RowReader<T> reader)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setString(i + 1, values.get(i));
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
        }
        return rows;
    }

    /** The highest audit record's number, a purged one too, or 0: where the embedded writer's numbering goes on. */
    long maxAuditId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HIGHEST.formatted("audit", "audit"));
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private List<AuditEntry> auditEntries(PreparedStatement query) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                entries.add(new AuditEntry(rows.getLong("id"), time(rows.getLong("at")),
                        new TeacherName(rows.getString("teacher")), new ClassId(rows.getInt("class_id")),
                        rows.getLong("roll_call_id"), new Matricula(rows.getString("matricula")),
                        Optional.ofNullable(rows.getString("from_status")).flatMap(AttendanceStatus::fromWire),
                        AttendanceStatus.fromWire(rows.getString("to_status")).orElseThrow(),
                        new Reason(rows.getString("reason"))));
            }
        }
        return entries;
    }

    /** Every class's roster, for the embedded store's writer at start. */
    List<Roster> rosters(Connection connection) throws SQLException {
        Map<ClassId, List<RosterEntry>> byClass = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT class_id, matricula, name FROM roster");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                byClass.computeIfAbsent(new ClassId(rows.getInt(1)), c -> new ArrayList<>()).add(
                        new RosterEntry(new Matricula(rows.getString(2)), new StudentName(rows.getString(3))));
            }
        }
        return byClass.entrySet().stream().map(entry -> new Roster(entry.getKey(), entry.getValue())).toList();
    }

    private static List<RosterEntry> entries(PreparedStatement query) throws SQLException {
        List<RosterEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                entries.add(new RosterEntry(new Matricula(rows.getString(1)), new StudentName(rows.getString(2))));
            }
        }
        return entries;
    }

    /** Every open roll call, by class number, with its check-ins in arrival order and a teacher's corrections. */
    public List<RollCall> openRollCalls(Connection connection) throws SQLException {
        List<StoredRollCall> open;
        try (PreparedStatement query = connection.prepareStatement(OPEN)) {
            open = rollCalls(query);
        }
        return withStatuses(open, openStatuses(connection)).stream()
                .sorted(Comparator.comparingInt(rollCall -> rollCall.classId().value())).toList();
    }

    /** The open roll call of {@code classId}, with its check-ins in arrival order and a teacher's corrections. */
    public Optional<RollCall> openRollCall(Connection connection, ClassId classId) throws SQLException {
        List<StoredRollCall> open;
        try (PreparedStatement query = connection.prepareStatement(OPEN_OF_CLASS)) {
            query.setInt(1, classId.value());
            open = rollCalls(query);
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement(STATUSES_OF_ROLL_CALL)) {
            query.setLong(1, open.getFirst().id());
            return Optional.of(withStatuses(open, statuses(query)).getFirst());
        }
    }

    private static Map<Long, Map<Matricula, AttendanceStatus>> openStatuses(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(STATUSES_OF_OPEN)) {
            return statuses(query);
        }
    }

    /** The roll call {@code id}, with its check-ins in arrival order and, once closed, its absent students. */
    public RollCall rollCall(Connection connection, long id) throws SQLException {
        List<StoredRollCall> found;
        try (PreparedStatement query = connection.prepareStatement(BY_ID)) {
            query.setLong(1, id);
            found = rollCalls(query);
        }
        try (PreparedStatement query = connection.prepareStatement(STATUSES_OF_ROLL_CALL)) {
            query.setLong(1, id);
            return withStatuses(found, statuses(query)).getFirst();
        }
    }

    /** The closed roll calls of {@code classId}, oldest first, with their check-ins in arrival order and absent students. */
    public List<NumberedRollCall> closed(Connection connection, ClassId classId) throws SQLException {
        List<StoredRollCall> closed;
        try (PreparedStatement query = connection.prepareStatement(CLOSED)) {
            query.setInt(1, classId.value());
            closed = rollCalls(query);
        }
        try (PreparedStatement query = connection.prepareStatement(STATUSES_OF_CLOSED)) {
            query.setInt(1, classId.value());
            Map<Long, Map<Matricula, AttendanceStatus>> statuses = statuses(query);
            return closed.stream().map(stored -> new NumberedRollCall(stored.id(), withStatuses(stored, statuses).rollCall()))
                    .toList();
        }
    }

    /** Rows of roll-call id, matrícula and status, grouped by roll call. */
    private static Map<Long, Map<Matricula, AttendanceStatus>> statuses(PreparedStatement query) throws SQLException {
        Map<Long, Map<Matricula, AttendanceStatus>> statuses = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                statuses.computeIfAbsent(rows.getLong(1), id -> new HashMap<>()).put(new Matricula(rows.getString(2)),
                        AttendanceStatus.fromWire(rows.getString(3)).orElseThrow(
                                () -> new SQLException("unknown status in the database")));
            }
        }
        return statuses;
    }

    private static List<RollCall> withStatuses(List<StoredRollCall> rollCalls,
                                               Map<Long, Map<Matricula, AttendanceStatus>> statuses) {
        return rollCalls.stream().map(stored -> withStatuses(stored, statuses).rollCall()).toList();
    }

    private static StoredRollCall withStatuses(StoredRollCall stored, Map<Long, Map<Matricula, AttendanceStatus>> statuses) {
        RollCall r = stored.rollCall();
        return new StoredRollCall(stored.id(), new RollCall(r.classId(), r.teacher(), r.openedAt(), r.closedAt(),
                r.present(), r.rules(), statuses.getOrDefault(stored.id(), Map.of())), stored.devicesFirstAt());
    }

    /** The classes whose open roll call opened at or before {@code cutoff}, by class number. */
    public List<ClassId> openedBefore(Connection connection, OffsetDateTime cutoff) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT class_id FROM roll_calls WHERE closed_at IS NULL AND opened_at <= ? ORDER BY class_id")) {
            query.setLong(1, cutoff.toInstant().toEpochMilli());
            List<ClassId> classes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    classes.add(new ClassId(rows.getInt(1)));
                }
            }
            return classes;
        }
    }

    /** The closed roll calls of {@code classId}, oldest first, with how many were present. */
    public List<PastRollCall> history(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HISTORY)) {
            query.setInt(1, classId.value());
            List<PastRollCall> history = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    history.add(new PastRollCall(rows.getLong("id"), new ClassId(rows.getInt("class_id")),
                            new TeacherName(rows.getString("teacher")), time(rows.getLong("opened_at")),
                            time(rows.getLong("closed_at")), rows.getInt("present"),
                            Optional.ofNullable(rows.getString("closed_by")).map(TeacherName::new)));
                }
            }
            return history;
        }
    }

    /** Folds rows of {@link #ROLL_CALLS_WITH_CHECK_INS}, ordered by roll call then seq, into roll calls. */
    private List<StoredRollCall> rollCalls(PreparedStatement query) throws SQLException {
        List<StoredRollCall> result = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            StoredRollCall current = null;
            List<CheckIn> present = new ArrayList<>();
            while (rows.next()) {
                long id = rows.getLong("id");
                if (current == null || current.id() != id) {
                    if (current != null) {
                        result.add(withPresent(current, present));
                    }
                    current = new StoredRollCall(id, rollCall(rows));
                    present = new ArrayList<>();
                }
                String matricula = rows.getString("matricula");
                if (matricula != null) { // null: a roll call nobody checked into (LEFT JOIN)
                    String device = rows.getString("device");
                    present.add(new CheckIn(new Matricula(matricula), time(rows.getLong("at")),
                            Optional.ofNullable(device).map(DeviceId::new)));
                }
            }
            if (current != null) {
                result.add(withPresent(current, present));
            }
        }
        return result;
    }

    private RollCall rollCall(ResultSet row) throws SQLException {
        long closedAt = row.getLong("closed_at");
        Optional<OffsetDateTime> closed = row.wasNull() ? Optional.empty() : Optional.of(time(closedAt));
        return new RollCall(new ClassId(row.getInt("class_id")), new TeacherName(row.getString("teacher")),
                time(row.getLong("opened_at")), closed, List.of(), rules(row));
    }

    /** The rules a row of {@code roll_calls} holds, in either store. */
    public static CheckInRules rules(ResultSet row) throws SQLException {
        CodePolicy policy = CodePolicy.fromWire(row.getString("code_policy")).orElseThrow(
                () -> new SQLException("unknown code policy in the database"));
        byte[] secret = row.getBytes("code_secret");
        long lateAfter = row.getLong("late_after_s");
        Optional<Duration> late = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(lateAfter));
        return new CheckInRules(policy, secret == null ? CodeSecret.none() : new CodeSecret(secret),
                Duration.ofSeconds(row.getLong("code_period_s")), Duration.ofSeconds(row.getLong("code_grace_s")),
                row.getInt("shared_devices") != 0, row.getInt("accept_unknown") != 0, late);
    }

    private static StoredRollCall withPresent(StoredRollCall stored, List<CheckIn> present) {
        RollCall r = stored.rollCall();
        return new StoredRollCall(stored.id(),
                new RollCall(r.classId(), r.teacher(), r.openedAt(), r.closedAt(), present, r.rules()));
    }

    private OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime();
    }
}
