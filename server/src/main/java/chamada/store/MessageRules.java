package chamada.store;

import chamada.messages.ClassMessage;
import chamada.messages.MessageText;
import chamada.messages.PostResult;
import chamada.messages.Posting;
import chamada.messages.ShowResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Class messages ({@link chamada.messages.MessageStore}) in SQL both stores share: the one place
 * a store decides whether a sender may write to a class with a roster. Times are epoch
 * milliseconds, read back in the store's zone. Stateless.
 */
public final class MessageRules {

    private static final String HAS_ROSTER = "SELECT 1 FROM roster WHERE class_id = ? LIMIT 1";
    private static final String ON_ROSTER = "SELECT 1 FROM roster WHERE class_id = ? AND matricula = ?";
    private static final String INSERT = """
            INSERT INTO messages (class_id, matricula, text, at) VALUES (?, ?, ?, ?) RETURNING id""";
    private static final String COLUMNS = "SELECT id, class_id, matricula, text, at, read_at FROM messages";
    /** The newest, oldest first: a class past the limit still sees what came last. */
    private static final String INBOX = "SELECT * FROM (" + COLUMNS + " WHERE class_id = ? ORDER BY id DESC LIMIT ?)"
            + " newest ORDER BY id";
    /** The oldest unread first: marking them read shows the next. */
    private static final String UNREAD = COLUMNS + " WHERE class_id = ? AND read_at IS NULL ORDER BY id LIMIT ?";
    private static final String ONE = COLUMNS + " WHERE id = ?";
    private static final String ONE_IN_CLASS = COLUMNS + " WHERE id = ? AND class_id = ?";
    private static final String SHOW = """
            INSERT INTO class_inboxes (class_id, anonymous, shown) VALUES (?, ?, ?)
            ON CONFLICT (class_id) DO UPDATE SET shown = excluded.shown""";
    private static final String SHOWN = COLUMNS
            + " WHERE id = (SELECT shown FROM class_inboxes WHERE class_id = ?) AND class_id = ?";
    private static final String BY_SENDER = COLUMNS + " WHERE matricula = ? ORDER BY id";
    private static final String MARK_READ = "UPDATE messages SET read_at = ? WHERE class_id = ? AND id = ? AND read_at IS NULL";
    private static final String ANONYMOUS = "SELECT anonymous FROM class_inboxes WHERE class_id = ?";
    private static final String ALLOW_ANONYMOUS = """
            INSERT INTO class_inboxes (class_id, anonymous) VALUES (?, ?)
            ON CONFLICT (class_id) DO UPDATE SET anonymous = excluded.anonymous""";

    private final ZoneId zone;

    public MessageRules(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Stores {@code posting}, in the caller's transaction, unless its sender is missing from the
     * class's roster; an anonymous posting is not checked (the service allowed it).
     */
    public PostResult post(Connection connection, Posting posting) throws SQLException {
        if (posting.sender().isPresent() && hasRoster(connection, posting.classId())
                && !onRoster(connection, posting.classId(), posting.sender().get())) {
            return new PostResult.NotInRoster(posting.classId(), posting.sender().get());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setInt(1, posting.classId().value());
            insert.setString(2, posting.sender().map(Matricula::value).orElse(null));
            insert.setString(3, posting.text().value());
            insert.setLong(4, posting.at().toInstant().toEpochMilli());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new PostResult.Posted(new ClassMessage(row.getLong(1), posting.classId(), posting.sender(),
                        posting.text(), posting.at(), false));
            }
        }
    }

    private static boolean hasRoster(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HAS_ROSTER)) {
            query.setInt(1, classId.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean onRoster(Connection connection, ClassId classId, Matricula matricula) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ON_ROSTER)) {
            query.setInt(1, classId.value());
            query.setString(2, matricula.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    public List<ClassMessage> inbox(Connection connection, ClassId classId, boolean unreadOnly, int limit)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(unreadOnly ? UNREAD : INBOX)) {
            query.setInt(1, classId.value());
            query.setInt(2, limit);
            return messages(query);
        }
    }

    /** The message numbered {@code id}, if it is still kept. */
    public Optional<ClassMessage> message(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ONE)) {
            query.setLong(1, id);
            return messages(query).stream().findFirst();
        }
    }

    /** Every message sent as {@code matricula}, for the student's right of access. */
    public List<ClassMessage> sentBy(Connection connection, Matricula matricula) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_SENDER)) {
            query.setString(1, matricula.value());
            return messages(query);
        }
    }

    /** Marks those of {@code ids} in {@code classId}'s inbox read, in the caller's transaction; answers how many were unread. */
    public int markRead(Connection connection, ClassId classId, List<Long> ids, long at) throws SQLException {
        int marked = 0;
        try (PreparedStatement update = connection.prepareStatement(MARK_READ)) {
            for (long id : ids) {
                update.setLong(1, at);
                update.setInt(2, classId.value());
                update.setLong(3, id);
                marked += update.executeUpdate();
            }
        }
        return marked;
    }

    public boolean anonymousAllowed(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ANONYMOUS)) {
            query.setInt(1, classId.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** One statement: two teachers choosing at once take turns on the class's row. */
    public boolean allowAnonymous(Connection connection, ClassId classId, boolean allowed) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(ALLOW_ANONYMOUS)) {
            upsert.setInt(1, classId.value());
            upsert.setBoolean(2, allowed);
            upsert.executeUpdate();
        }
        return allowed;
    }

    /**
     * Shows message {@code id} on {@code classId}'s screen, or none, in the caller's transaction:
     * only a message of the class's own inbox. The class's row is written by one upsert, as
     * {@link #allowAnonymous} writes it: two teachers choosing at once take turns on it.
     */
    public ShowResult show(Connection connection, ClassId classId, Optional<Long> id, OffsetDateTime at)
            throws SQLException {
        Optional<ClassMessage> question = Optional.empty();
        if (id.isPresent()) {
            try (PreparedStatement query = connection.prepareStatement(ONE_IN_CLASS)) {
                query.setLong(1, id.get());
                query.setInt(2, classId.value());
                question = messages(query).stream().findFirst();
            }
            if (question.isEmpty()) {
                return new ShowResult.NotInInbox(classId, id.get());
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(SHOW)) {
            upsert.setInt(1, classId.value());
            upsert.setBoolean(2, false);
            if (id.isPresent()) {
                upsert.setLong(3, id.get());
            } else {
                upsert.setNull(3, Types.BIGINT);
            }
            upsert.executeUpdate();
        }
        return new ShowResult.Shown(classId, question, at);
    }

    /** The message {@code classId}'s screen shows: none once a purge took it. */
    public Optional<ClassMessage> shown(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SHOWN)) {
            query.setInt(1, classId.value());
            query.setInt(2, classId.value());
            return messages(query).stream().findFirst();
        }
    }

    private List<ClassMessage> messages(PreparedStatement query) throws SQLException {
        List<ClassMessage> messages = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                String sender = row.getString(3);
                row.getLong(6);
                boolean read = !row.wasNull();
                messages.add(new ClassMessage(row.getLong(1), new ClassId(row.getInt(2)),
                        Optional.ofNullable(sender).map(Matricula::new), new MessageText(row.getString(4)),
                        time(row.getLong(5)), read));
            }
        }
        return messages;
    }

    private OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime();
    }
}
