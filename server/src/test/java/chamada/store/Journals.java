package chamada.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A store's journal as a crashed server would have left it, made by hand: records encoded
 * with {@link JournalCodec}, segment files written into {@code <db>.journal/}, and the
 * journal position SQLite holds read or set directly.
 */
final class Journals {

    private Journals() {
    }

    /** The records of {@code writes}, one after another, as the journal writer appends them. */
    static byte[] encode(List<? extends Write> writes) {
        int size = writes.stream().mapToInt(JournalCodec::maxBytes).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        writes.forEach(write -> JournalCodec.encode(write, buffer));
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    /** Every whole record from the start of {@code bytes}, stopping at the first that does not decode. */
    static List<Write> decodeAll(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<Write> writes = new ArrayList<>();
        for (Optional<Write> write = JournalCodec.decode(buffer); write.isPresent(); write = JournalCodec.decode(buffer)) {
            writes.add(write.get());
        }
        return writes;
    }

    /** What a record carries of {@code write}: its kind and fields, without the future. */
    static List<Object> fields(Write write) {
        return switch (write) {
            case Write.Open o -> List.of("open", o.id(), o.classId(), o.teacher(), o.openedAt());
            case Write.CheckIn c -> List.of("check-in", c.rollCallId(), c.matricula(), c.at());
            case Write.Close c -> List.of("close", c.rollCallId(), c.closedAt());
        };
    }

    /** Where record {@code i} of {@code encode(writes)} starts, for i from 0 to {@code writes.size()} (the end). */
    static int offset(List<? extends Write> writes, int i) {
        return encode(writes.subList(0, i)).length;
    }

    /** Writes segment {@code number} of {@code database}'s journal, replacing any. */
    static Path writeSegment(Path database, long number, byte[] bytes) {
        JournalFiles journal = JournalFiles.of(database);
        try {
            Files.createDirectories(journal.folder());
            return Files.write(journal.segment(number), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Long> segments(Path database) {
        try {
            return JournalFiles.of(database).segments();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty, fully migrated Chamada database with no journal segment, as a clean stop leaves it. */
    static void createDatabase(Path database) {
        SqliteRollCallStore.open(database, Stores.ZONE).close();
    }

    /**
     * Applies {@code writes} to {@code database} as the applier would, recording the journal as
     * applied up to {@code end}, and nothing else: what SQLite held when a server crashed.
     */
    static void applyDirectly(Path database, List<Write> writes, JournalPosition end) throws SQLException {
        try (Connection connection = Connections.writer(database); SqliteBatch batch = new SqliteBatch(connection)) {
            assertAllAccepted(batch.apply(writes, end));
        }
    }

    /** How far {@code database} says its journal is applied. */
    static JournalPosition applied(Path database) throws SQLException {
        try (Connection connection = Connections.reader(database); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT segment, offset FROM journal_applied WHERE id = 1")) {
            row.next();
            return new JournalPosition(row.getLong(1), row.getLong(2));
        }
    }

    /** Records {@code database}'s journal as applied up to {@code position}, changing no roll call. */
    static void setApplied(Path database, JournalPosition position) throws SQLException {
        applyDirectly(database, List.of(), position);
    }

    private static void assertAllAccepted(int refused) {
        if (refused != 0) {
            throw new IllegalStateException(refused + " writes of a test's history were refused: the test is wrong");
        }
    }
}
