package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a forget changes, in SQL both stores share ({@link chamada.privacy.PrivacyStore#forget}):
 * the student taken off every roster (their name with it), the matrícula replaced by the
 * pseudonym in every other table, the reasons written about the student and the messages they
 * wrote blanked, a check-in's device id dropped, and the privacy log's record. The store's
 * transaction must first allow the one change of audit records (SQLite: the row of
 * {@code forgetting}; PostgreSQL: {@code chamada.forgetting}).
 */
public final class ForgetStatements {

    /** What stands for an erased reason: the column takes no empty text. */
    public static final String BLANK = "-";

    private static final List<String> RENAMES = List.of(
            "UPDATE check_ins SET matricula = ?, device = NULL WHERE matricula = ?",
            "UPDATE check_in_replacements SET replaced = ? WHERE replaced = ?",
            "UPDATE check_in_replacements SET by_matricula = ? WHERE by_matricula = ?",
            "UPDATE statuses SET matricula = ? WHERE matricula = ?",
            "UPDATE audit SET matricula = ?, reason = '" + BLANK + "' WHERE matricula = ?",
            "UPDATE messages SET matricula = ?, text = '" + BLANK + "' WHERE matricula = ?");
    /**
     * A replaced check-in's phone id stays (the column takes no null) but made random, so that it
     * no longer links the pseudonym to the phone; in closed roll calls only, since an open one's
     * rule against one phone checking in several students still reads it.
     */
    private static final String UNLINK_DEVICE = """
            UPDATE check_in_replacements SET device = ? WHERE (replaced = ? OR by_matricula = ?)
            AND roll_call_id IN (SELECT id FROM roll_calls WHERE closed_at IS NOT NULL)""";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Off every roster: a forgotten student is no longer one of a class's, whom each close would mark absent. */
    private static final String OFF_ROSTERS = "DELETE FROM roster WHERE matricula = ?";
    /** Off the question screens: the blank a forget leaves of the student's text is nothing to project. */
    private static final String UNSHOW = """
            UPDATE class_inboxes SET shown = NULL WHERE shown IN (SELECT id FROM messages WHERE matricula = ?)""";
    private static final String LOG = """
            INSERT INTO privacy_log (at, administrator, action, pseudonym) VALUES (?, ?, 'forget', ?)""";
    private static final String IN_OPEN_ROLL_CALL = """
            SELECT r.class_id FROM roll_calls r WHERE r.closed_at IS NULL AND (
                EXISTS (SELECT 1 FROM check_ins c WHERE c.roll_call_id = r.id AND c.matricula = ?)
                OR EXISTS (SELECT 1 FROM statuses s WHERE s.roll_call_id = r.id AND s.matricula = ?))
            ORDER BY r.class_id""";

    private ForgetStatements() {
    }

    /** Replaces {@code matricula} by {@code pseudonym} everywhere, and logs it; in the caller's transaction. */
    public static void run(Connection connection, Matricula matricula, Matricula pseudonym, TeacherName administrator,
                           long at) throws SQLException {
        for (String statementText : List.of(OFF_ROSTERS, UNSHOW)) {
            try (PreparedStatement statement = connection.prepareStatement(statementText)) {
                statement.setString(1, matricula.value());
                statement.executeUpdate();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(UNLINK_DEVICE)) {
            statement.setString(1, randomDevice());
            statement.setString(2, matricula.value());
            statement.setString(3, matricula.value());
            statement.executeUpdate();
        }
        for (String rename : RENAMES) {
            try (PreparedStatement statement = connection.prepareStatement(rename)) {
                statement.setString(1, pseudonym.value());
                statement.setString(2, matricula.value());
                statement.executeUpdate();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(LOG)) {
            statement.setLong(1, at);
            statement.setString(2, administrator.value());
            statement.setString(3, pseudonym.value());
            statement.executeUpdate();
        }
    }

    private static String randomDevice() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "forgotten-" + HexFormat.of().formatHex(bytes);
    }

    /** The class of an open roll call the student is present or marked in, if any. */
    public static Optional<ClassId> openRollCallOf(Connection connection, Matricula matricula) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(IN_OPEN_ROLL_CALL)) {
            query.setString(1, matricula.value());
            query.setString(2, matricula.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new ClassId(row.getInt(1))) : Optional.empty();
            }
        }
    }
}
