package chamada.store;

import chamada.rollcall.ClassId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;

/** A class's defaults ({@link chamada.rollcall.ClassDefaults}), in SQL both stores share. Stateless. */
public final class ClassDefaultRules {

    private static final String LATE_AFTER = "SELECT late_after_s FROM class_defaults WHERE class_id = ?";
    private static final String DELETE = "DELETE FROM class_defaults WHERE class_id = ?";
    /** One statement: two teachers setting the class's default at once take turns on its row. */
    private static final String UPSERT = """
            INSERT INTO class_defaults (class_id, late_after_s) VALUES (?, ?)
            ON CONFLICT (class_id) DO UPDATE SET late_after_s = excluded.late_after_s""";

    public Optional<Duration> lateAfterOf(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LATE_AFTER)) {
            query.setInt(1, classId.value());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long seconds = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            }
        }
    }

    /** Replaces the class's default, in the caller's transaction; answers it. */
    public Optional<Duration> setLateAfter(Connection connection, ClassId classId, Optional<Duration> lateAfter)
            throws SQLException {
        if (lateAfter.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setInt(1, classId.value());
                delete.executeUpdate();
            }
            return lateAfter;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setInt(1, classId.value());
            upsert.setLong(2, lateAfter.get().toSeconds());
            upsert.executeUpdate();
        }
        return lateAfter;
    }
}
