package chamada.store;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies journaled writes to SQLite: a batch in one transaction, together with how far the
 * journal is then applied, so the rows and the position commit or vanish together.
 *
 * <p>Design note. The statements run in journal order; consecutive writes of the same kind
 * go down in one {@code executeBatch}. The rules were decided before the writes were
 * journaled ({@link OpenRollCalls}), and every journaled write has been acknowledged, so the
 * schema's constraints are a second line: a write they refuse is a bug, and is never left
 * out. The batch is rolled back and {@link RefusedWriteException} names the write; the
 * applier stops there, keeping the journal. Any other failure (the disk is full, another
 * program holds the file locked) is thrown, with the transaction rolled back, for the caller
 * to try again: the journal keeps the writes until they are in.
 *
 * <p>A check-in's {@code seq} (its arrival order) is the roll call's highest so far plus
 * one, counted here and read back from the file after a rollback or a restart. That a
 * check-in goes only into an open roll call is the journal writer's check: the schema's
 * foreign key still refuses one into a roll call that does not exist.
 *
 * <p>Confined to the applier thread, with its connection and prepared statements, which are
 * prepared once and reused by every batch.
 */
final class SqliteBatch implements AutoCloseable {

    private static final String INSERT_ROLL_CALL = """
            INSERT INTO roll_calls (id, class_id, teacher, opened_at, code_policy, code_secret, code_period_s,
                                    code_grace_s, shared_devices, accept_unknown, late_after_s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Check-in rows per multi-row insert: SQLite runs one statement for all of them. */
    static final int ROWS_PER_INSERT = 100;
    private static final String INSERT_CHECK_INS =
            "INSERT INTO check_ins (roll_call_id, seq, matricula, at, device) VALUES ";
    private static final String CHECK_IN_ROW = "(?, ?, ?, ?, ?)";
    private static final int CHECK_IN_COLUMNS = 5;
    private static final String DELETE_CHECK_IN = "DELETE FROM check_ins WHERE roll_call_id = ? AND matricula = ?";
    private static final String INSERT_REPLACEMENT =
            "INSERT INTO check_in_replacements (roll_call_id, device, replaced, by_matricula, at, device_first_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String MAX_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM check_ins WHERE roll_call_id = ?";
    private static final String CLOSE_ROLL_CALL =
            "UPDATE roll_calls SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL";
    /** At a close, every roster student without a check-in is absent: the writer's list, made again from SQLite. */
    private static final String MARK_ABSENT = """
            INSERT INTO statuses (roll_call_id, matricula, status, source)
            SELECT ?, r.matricula, 'absent', 'close' FROM roster r
            WHERE r.class_id = (SELECT class_id FROM roll_calls WHERE id = ?)
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.roll_call_id = ? AND c.matricula = r.matricula)
            ON CONFLICT (roll_call_id, matricula) DO NOTHING""";
    /** A student's status as a teacher's mark or the close left it, if either did. */
    private static final String STATUS_OF = "SELECT status FROM statuses WHERE roll_call_id = ? AND matricula = ?";
    /** A student's check-in, with what tells whether it was late. */
    private static final String CHECK_IN_OF = """
            SELECT c.at, r.opened_at, r.late_after_s FROM check_ins c JOIN roll_calls r ON r.id = c.roll_call_id
            WHERE c.roll_call_id = ? AND c.matricula = ?""";
    private static final String SET_STATUS = """
            INSERT INTO statuses (roll_call_id, matricula, status, source) VALUES (?, ?, ?, 'teacher')
            ON CONFLICT (roll_call_id, matricula) DO UPDATE SET status = excluded.status, source = 'teacher'""";
    private static final String INSERT_AUDIT = """
            INSERT INTO audit (id, at, teacher, class_id, roll_call_id, matricula, from_status, to_status, reason)
            SELECT ?, ?, ?, class_id, id, ?, ?, ?, ? FROM roll_calls WHERE id = ?""";
    private static final String DELETE_ROSTER = "DELETE FROM roster WHERE class_id = ?";
    private static final String INSERT_ROSTER_ENTRY = "INSERT INTO roster (class_id, matricula, name) VALUES (?, ?, ?)";
    private static final String SET_APPLIED = "UPDATE journal_applied SET segment = ?, offset = ? WHERE id = 1";

    private final Connection connection;
    private final PreparedStatement insertRollCall;
    private final PreparedStatement insertCheckIn;
    private final PreparedStatement insertCheckIns;
    private final PreparedStatement deleteCheckIn;
    private final PreparedStatement insertReplacement;
    private final PreparedStatement maxSeq;
    private final PreparedStatement closeRollCall;
    private final PreparedStatement markAbsent;
    private final PreparedStatement statusOf;
    private final PreparedStatement checkInOf;
    private final PreparedStatement setStatus;
    private final PreparedStatement insertAudit;
    private final PreparedStatement deleteRoster;
    private final PreparedStatement insertRosterEntry;
    private final PreparedStatement setApplied;
    /** The highest seq of each roll call checked into since the last rollback; the rest are read when needed. */
    private final Map<Long, Long> highestSeq = new HashMap<>();
    /** Whether a failed rollback may have left no transaction open: the next apply begins one first. */
    private boolean transactionLost;

    /** Takes over {@code connection} (turning auto-commit off); closing this closes the statements, not the connection. */
    SqliteBatch(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insertRollCall = connection.prepareStatement(INSERT_ROLL_CALL);
        this.insertCheckIn = connection.prepareStatement(INSERT_CHECK_INS + CHECK_IN_ROW);
        this.insertCheckIns = connection.prepareStatement(INSERT_CHECK_INS
                + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, CHECK_IN_ROW)));
        this.deleteCheckIn = connection.prepareStatement(DELETE_CHECK_IN);
        this.insertReplacement = connection.prepareStatement(INSERT_REPLACEMENT);
        this.maxSeq = connection.prepareStatement(MAX_SEQ);
        this.closeRollCall = connection.prepareStatement(CLOSE_ROLL_CALL);
        this.markAbsent = connection.prepareStatement(MARK_ABSENT);
        this.statusOf = connection.prepareStatement(STATUS_OF);
        this.checkInOf = connection.prepareStatement(CHECK_IN_OF);
        this.setStatus = connection.prepareStatement(SET_STATUS);
        this.insertAudit = connection.prepareStatement(INSERT_AUDIT);
        this.deleteRoster = connection.prepareStatement(DELETE_ROSTER);
        this.insertRosterEntry = connection.prepareStatement(INSERT_ROSTER_ENTRY);
        this.setApplied = connection.prepareStatement(SET_APPLIED);
    }

    /** How far the journal is applied to this file. */
    JournalPosition applied() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT segment, offset FROM journal_applied WHERE id = 1")) {
            row.next();
            JournalPosition applied = new JournalPosition(row.getLong(1), row.getLong(2));
            connection.commit();
            return applied;
        }
    }

    /**
     * Applies {@code writes} (in journal order) and records the journal as applied up to
     * {@code end}, in one transaction. Throws, having rolled back, if the file cannot take them
     * now ({@link SQLException}: try again later), or if the schema refuses one of them
     * ({@link RefusedWriteException}, naming it: trying again cannot help).
     */
    void apply(List<Write> writes, JournalPosition end) throws SQLException, RefusedWriteException {
        try {
            beginIfLost();
            execute(writes);
            setApplied(end);
            connection.commit();
        } catch (SQLException | RefusedException e) {
            rollback(e);
            if (!isRefusal(e)) {
                throw (SQLException) e; // only SQLite's own failures are not refusals
            }
            throw new RefusedWriteException(refusedAmong(writes, e), e);
        }
    }

    /**
     * Which of {@code writes} the schema refuses, found by running them again one at a time: a
     * multi-row insert does not say which row it refused. Changes nothing in the end; a failure
     * of its rollback is kept with {@code refusal}.
     */
    private String refusedAmong(List<Write> writes, Exception refusal) throws SQLException {
        String refused = "one of " + writes.size() + " writes, refused only together";
        try {
            // The rollback just made may have failed to begin the next transaction: re-run outside one, each
            // write would commit alone and the final rollback would undo nothing.
            beginIfLost();
            for (Write write : writes) {
                try {
                    execute(List.of(write));
                } catch (SQLException | RefusedException e) {
                    if (!isRefusal(e)) {
                        throw e instanceof SQLException sql ? sql : new SQLException(e);
                    }
                    refused = write.toString();
                    break;
                }
            }
        } catch (SQLException e) {
            rollback(e);
            throw e;
        }
        rollback(refusal);
        return refused;
    }

    /**
     * Copies the WAL into the database file and empties it: for a clean stop, once everything is
     * applied, and after a forget. Returns whether it could: a reader in the middle of a read
     * holds it back.
     */
    boolean checkpoint() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            return row.next() && row.getInt(1) == 0;
        } finally {
            connection.setAutoCommit(false);
        }
    }

    private void setApplied(JournalPosition end) throws SQLException {
        setApplied.setLong(1, end.segment());
        setApplied.setLong(2, end.offset());
        setApplied.executeUpdate();
    }

    /**
     * Runs the statements of {@code writes} in order: runs of check-ins in multi-row inserts,
     * other runs of the same kind in one {@code executeBatch}.
     */
    private void execute(List<Write> writes) throws SQLException, RefusedException {
        int start = 0;
        while (start < writes.size()) {
            Class<?> kind = writes.get(start).getClass();
            int end = start;
            while (end < writes.size() && writes.get(end).getClass() == kind) {
                end++;
            }
            if (kind == Write.CheckIn.class) {
                insertCheckIns(writes.subList(start, end));
            } else if (kind == Write.Close.class) {
                executeBatch(writes.subList(start, end));
                for (Write close : writes.subList(start, end)) {
                    markAbsent((Write.Close) close);
                }
            } else if (kind == Write.Mark.class) {
                for (Write mark : writes.subList(start, end)) {
                    mark((Write.Mark) mark);
                }
            } else if (kind == Write.Purge.class) {
                for (Write purge : writes.subList(start, end)) {
                    purge((Write.Purge) purge);
                }
            } else if (kind == Write.Forget.class) {
                for (Write forget : writes.subList(start, end)) {
                    forget((Write.Forget) forget);
                }
            } else if (kind == Write.Roster.class) {
                for (Write roster : writes.subList(start, end)) {
                    roster((Write.Roster) roster);
                }
            } else if (kind == Write.Replace.class) {
                for (Write replace : writes.subList(start, end)) {
                    replace((Write.Replace) replace);
                }
            } else {
                executeBatch(writes.subList(start, end));
            }
            start = end;
        }
    }

    private void insertCheckIns(List<Write> checkIns) throws SQLException, RefusedException {
        int full = checkIns.size() - checkIns.size() % ROWS_PER_INSERT;
        for (int chunk = 0; chunk < full; chunk += ROWS_PER_INSERT) {
            for (int row = 0; row < ROWS_PER_INSERT; row++) {
                bindCheckIn(insertCheckIns, CHECK_IN_COLUMNS * row, (Write.CheckIn) checkIns.get(chunk + row));
            }
            insertCheckIns.executeUpdate();
        }
        if (full < checkIns.size()) {
            executeBatch(checkIns.subList(full, checkIns.size()));
        }
    }

    private void markAbsent(Write.Close close) throws SQLException {
        markAbsent.setLong(1, close.rollCallId());
        markAbsent.setLong(2, close.rollCallId());
        markAbsent.setLong(3, close.rollCallId());
        markAbsent.executeUpdate();
    }

    /** Sets the student's status, and appends its audit record with the status before. */
    private void mark(Write.Mark mark) throws SQLException, RefusedException {
        Optional<AttendanceStatus> from = statusBefore(mark.rollCallId(), mark.matricula());
        setStatus.setLong(1, mark.rollCallId());
        setStatus.setString(2, mark.matricula().value());
        setStatus.setString(3, mark.status().wire());
        setStatus.executeUpdate();
        insertAudit.setLong(1, mark.auditId());
        insertAudit.setLong(2, mark.at());
        insertAudit.setString(3, mark.teacher().value());
        insertAudit.setString(4, mark.matricula().value());
        insertAudit.setString(5, from.map(AttendanceStatus::wire).orElse(null));
        insertAudit.setString(6, mark.status().wire());
        insertAudit.setString(7, mark.reason().value());
        insertAudit.setLong(8, mark.rollCallId());
        if (insertAudit.executeUpdate() != 1) {
            throw new RefusedException(mark);
        }
    }

    /** The status a mark changes: the last mark or the close's absence, else the check-in's, else none. */
    private Optional<AttendanceStatus> statusBefore(long rollCallId, Matricula matricula) throws SQLException {
        statusOf.setLong(1, rollCallId);
        statusOf.setString(2, matricula.value());
        try (ResultSet row = statusOf.executeQuery()) {
            if (row.next()) {
                return AttendanceStatus.fromWire(row.getString(1));
            }
        }
        checkInOf.setLong(1, rollCallId);
        checkInOf.setString(2, matricula.value());
        try (ResultSet row = checkInOf.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            long lateAfter = row.getLong(3);
            CheckInRules rules = CheckInRules.none().withLateAfter(row.wasNull() ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(lateAfter)));
            boolean late = rules.isLate(Instant.ofEpochMilli(row.getLong(2)).atOffset(ZoneOffset.UTC),
                    Instant.ofEpochMilli(row.getLong(1)).atOffset(ZoneOffset.UTC));
            return Optional.of(late ? AttendanceStatus.LATE : AttendanceStatus.PRESENT);
        }
    }

    /**
     * Forgets a student, in this transaction: the row of {@code forgetting} lets the audit's
     * matrícula and reason change while it is there (V10), and is gone before the commit.
     */
    private void forget(Write.Forget forget) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO forgetting (id) VALUES (1)");
            ForgetStatements.run(connection, forget.matricula(), forget.pseudonym(), forget.administrator(),
                    forget.at());
            statement.executeUpdate("DELETE FROM forgetting");
        }
    }

    /** A retention purge, in this transaction: the row of {@code purging} lets audit records go while it is there (V12). */
    private void purge(Write.Purge purge) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("roll_calls", "audit")) {
                // Kept before the rows go: the writer's numbering must go on past them after a restart.
                statement.executeUpdate(("INSERT INTO highest_ids (name, value) SELECT '%s', MAX(id) FROM %s"
                        + " HAVING MAX(id) IS NOT NULL"
                        + " ON CONFLICT (name) DO UPDATE SET value = MAX(value, excluded.value)").formatted(table, table));
            }
            statement.executeUpdate("INSERT INTO purging (id) VALUES (1)");
            PurgeStatements.run(connection, purge.cutoff(), List.of());
            statement.executeUpdate("DELETE FROM purging");
        }
    }

    /** Makes the roster's students the class's whole roster. */
    private void roster(Write.Roster roster) throws SQLException {
        deleteRoster.setInt(1, roster.classId().value());
        deleteRoster.executeUpdate();
        for (RosterEntry entry : roster.students()) {
            insertRosterEntry.setInt(1, roster.classId().value());
            insertRosterEntry.setString(2, entry.matricula().value());
            insertRosterEntry.setString(3, entry.name().value());
            insertRosterEntry.addBatch();
        }
        if (!roster.students().isEmpty()) {
            insertRosterEntry.executeBatch();
        }
    }

    /** Takes the replaced check-in out, puts its replacement last, and keeps the replacement on record. */
    private void replace(Write.Replace replace) throws SQLException, RefusedException {
        deleteCheckIn.setLong(1, replace.rollCallId());
        deleteCheckIn.setString(2, replace.replaced().value());
        if (deleteCheckIn.executeUpdate() != 1) {
            throw new RefusedException(replace);
        }
        bindCheckIn(insertCheckIn, 0, new Write.CheckIn(replace.rollCallId(), replace.by(), replace.at(),
                Optional.of(replace.device())));
        insertCheckIn.executeUpdate();
        insertReplacement.setLong(1, replace.rollCallId());
        insertReplacement.setString(2, replace.device().value());
        insertReplacement.setString(3, replace.replaced().value());
        insertReplacement.setString(4, replace.by().value());
        insertReplacement.setLong(5, replace.at());
        insertReplacement.setLong(6, replace.deviceFirstAt());
        insertReplacement.executeUpdate();
    }

    /** Runs writes of one kind in one {@code executeBatch}; refused if any of them changes no row. */
    private void executeBatch(List<Write> writes) throws SQLException, RefusedException {
        PreparedStatement statement = null;
        try {
            for (Write write : writes) {
                statement = bind(write);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    throw new RefusedException(writes.get(i));
                }
            }
        } finally {
            if (statement != null) {
                statement.clearBatch();
            }
        }
    }

    private PreparedStatement bind(Write write) throws SQLException {
        return switch (write) {
            case Write.Open open -> {
                insertRollCall.setLong(1, open.id());
                insertRollCall.setInt(2, open.classId().value());
                insertRollCall.setString(3, open.teacher().value());
                insertRollCall.setLong(4, open.openedAt());
                CheckInRules rules = open.rules();
                insertRollCall.setString(5, rules.policy().wire());
                insertRollCall.setBytes(6, rules.secret().isNone() ? null : rules.secret().bytes());
                insertRollCall.setLong(7, rules.period().toSeconds());
                insertRollCall.setLong(8, rules.grace().toSeconds());
                insertRollCall.setInt(9, rules.sharedDevices() ? 1 : 0);
                insertRollCall.setInt(10, rules.acceptUnknown() ? 1 : 0);
                if (rules.lateAfter().isPresent()) {
                    insertRollCall.setLong(11, rules.lateAfter().get().toSeconds());
                } else {
                    insertRollCall.setNull(11, Types.INTEGER);
                }
                highestSeq.put(open.id(), 0L);
                yield insertRollCall;
            }
            case Write.CheckIn checkIn -> {
                bindCheckIn(insertCheckIn, 0, checkIn);
                yield insertCheckIn;
            }
            case Write.Replace replace -> throw new IllegalArgumentException(replace + " takes three statements");
            case Write.Roster roster -> throw new IllegalArgumentException(roster + " takes a statement per student");
            case Write.Mark mark -> throw new IllegalArgumentException(mark + " takes a read and two statements");
            case Write.Forget forget -> throw new IllegalArgumentException(forget + " takes a statement per table");
            case Write.Purge purge -> throw new IllegalArgumentException(purge + " takes a statement per table");
            case Write.Close close -> {
                closeRollCall.setLong(1, close.closedAt());
                closeRollCall.setString(2, close.closedBy().map(TeacherName::value).orElse(null));
                closeRollCall.setLong(3, close.rollCallId());
                highestSeq.remove(close.rollCallId());
                yield closeRollCall;
            }
        };
    }

    /**
     * Binds one check-in row at parameter {@code offset + 1}, numbering it after the roll
     * call's last. The seq is counted here rather than by a subquery in the insert: that
     * subquery was most of the insert's cost.
     */
    private void bindCheckIn(PreparedStatement statement, int offset, Write.CheckIn checkIn) throws SQLException {
        long seq = nextSeq(checkIn.rollCallId());
        statement.setLong(offset + 1, checkIn.rollCallId());
        statement.setLong(offset + 2, seq);
        statement.setString(offset + 3, checkIn.matricula().value());
        statement.setLong(offset + 4, checkIn.at());
        statement.setString(offset + 5, checkIn.device().map(DeviceId::value).orElse(null));
    }

    private long nextSeq(long rollCallId) throws SQLException {
        Long highest = highestSeq.get(rollCallId);
        if (highest == null) {
            maxSeq.setLong(1, rollCallId);
            try (ResultSet row = maxSeq.executeQuery()) {
                row.next();
                highest = row.getLong(1);
            }
        }
        highestSeq.put(rollCallId, highest + 1);
        return highest + 1;
    }

    private static boolean isRefusal(Exception e) {
        return e instanceof RefusedException
                || e instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
    }

    /** A write that changed no row: the schema's conditions refused it. */
    private static final class RefusedException extends Exception {
        RefusedException(Write write) {
            super(write + " changed nothing: the roll call does not exist, or is not open");
        }
    }

    /**
     * Rolls the transaction back and begins the next, keeping any failure with {@code cause}.
     * Every rollback goes through here: one that leaves no transaction open would let every
     * later statement commit on its own.
     */
    private void rollback(Exception cause) {
        highestSeq.clear(); // the rolled-back rows took seqs that are free again
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
            transactionLost = true;
            try {
                beginIfLost();
            } catch (SQLException failed) {
                cause.addSuppressed(failed); // still lost: the next apply begins first, or fails
            }
        }
    }

    /**
     * Begins the transaction a failed rollback did not. On a full disk or an I/O error SQLite
     * may roll the whole transaction back by itself ("Response To Errors Within A Transaction",
     * https://sqlite.org/lang_transaction.html); the driver's rollback then fails on "no
     * transaction is active" before it begins the next one, and every later statement would
     * commit on its own: the next try would leave rows without the journal position that goes
     * with them, and never commit as one again. Found by the disk-fault campaign
     * (RELIABILITY.md, "Disk and I/O faults"): the applier never recovered from a full disk.
     * A BEGIN refused as a plain SQL error means the transaction is still open (the rollback
     * failed inside it); any other failure is thrown, and the next apply begins again.
     */
    private void beginIfLost() throws SQLException {
        if (!transactionLost) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
        } catch (SQLiteException e) {
            if (e.getResultCode() != SQLiteErrorCode.SQLITE_ERROR) {
                throw e;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK"); // the failed rollback's rows are still in it
                statement.execute("BEGIN");
            }
        }
        transactionLost = false;
    }

    @Override
    public void close() throws SQLException {
        // Only the statements: the connection belongs to whoever opened it.
        SQLException failure = null;
        for (PreparedStatement statement : List.of(insertRollCall, insertCheckIn, insertCheckIns, deleteCheckIn,
                insertReplacement, maxSeq, closeRollCall, markAbsent, statusOf, checkInOf, setStatus, insertAudit, deleteRoster,
                insertRosterEntry, setApplied)) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
