package chamada.store;

import chamada.rollcall.Matricula;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static chamada.store.Stores.ANA;
import static chamada.store.Stores.await;
import static chamada.store.Stores.awaitFailure;
import static chamada.store.Stores.classId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal writer on its own, with a list in place of the SQLite applier: what it puts in
 * the segment file, what it hands on, and what it refuses.
 */
class JournalWriterTest {

    @TempDir
    Path dir;

    private final List<JournalBatch> handedOn = new CopyOnWriteArrayList<>();
    private JournalWriter writer;

    @AfterEach
    void stopWriter() {
        if (writer != null) {
            writer.shutdown();
            writer.awaitTermination();
        }
    }

    @Test
    void submit_validWrites_appendsExactlyTheirRecordsInOrderToTheFirstSegment() throws IOException {
        List<Write> history = RandomWrites.history(new Random(11), 3_000, Snapshot.CLASSES);
        start(3);

        history.forEach(writer::submit);
        history.forEach(write -> await(write.done()));
        stopWriter();

        assertThat(Journals.segments(database())).containsExactly(3L);
        assertHolds(segment(3), Journals.encode(history));
    }

    @Test
    void submit_validWrites_handsEachOnOnceInBatchesEndingWhereTheirLastRecordEnds() throws IOException {
        List<Write> history = RandomWrites.history(new Random(12), 3_000, Snapshot.CLASSES);
        start(1);

        history.forEach(writer::submit);
        stopWriter();

        List<Write> inBatches = new ArrayList<>();
        for (JournalBatch batch : handedOn) {
            inBatches.addAll(batch.writes());
            assertThat(batch.end()).isEqualTo(new JournalPosition(1, Journals.offset(history, inBatches.size())));
        }
        assertThat(inBatches).containsExactlyElementsOf(history);
        assertHolds(segment(1), Journals.encode(history)); // the last batch ends where the records do
    }

    @Test
    void submit_writesTheIndexRefuses_failsTheirFuturesAndJournalsOnlyTheRest() throws IOException {
        start(1);
        Write open = open(1, 1);
        Write present = checkIn(1, "0042");
        Write close = close(1);
        List<Write> refused = List.of(checkIn(99, "1"), open(2, 1), open(1, 2));

        writer.submit(open);
        refused.forEach(writer::submit);
        writer.submit(present);
        CompletableFuture<Void> twice = writer.submit(checkIn(1, "0042"));
        writer.submit(close);
        CompletableFuture<Void> closedTwice = writer.submit(close(1));
        stopWriter();

        assertThat(awaitFailure(refused.get(0).done())).hasMessageContaining("does not exist or is closed");
        assertThat(awaitFailure(refused.get(1).done())).hasMessageContaining("already has an open roll call");
        assertThat(awaitFailure(refused.get(2).done())).hasMessageContaining("id is already used");
        assertThat(awaitFailure(twice)).hasMessageContaining("already checked in");
        assertThat(awaitFailure(closedTwice)).hasMessageContaining("already closed");
        assertHolds(segment(1), Journals.encode(List.of(open, present, close)));
        assertThat(handedOn).flatMap(JournalBatch::writes).containsExactly(open, present, close);
    }

    @Test
    void submit_afterShutdown_failsAtOnceNamingTheJournal() {
        start(1);
        writer.shutdown();

        CompletableFuture<Void> late = writer.submit(open(1, 1));

        assertThat(late).isCompletedExceptionally();
        assertThat(awaitFailure(late)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store is closed").hasMessageContaining(JournalFiles.of(database()).folder().toString());
    }

    @Test
    void shutdown_withNothingWritten_createsNoSegment() {
        start(1);

        stopWriter();

        assertThat(JournalFiles.of(database()).folder()).doesNotExist();
        assertThat(handedOn).isEmpty();
    }

    private void start(long firstSegment) {
        writer = JournalWriter.start(JournalFiles.of(database()), firstSegment, new OpenRollCallIndex(List.of(), 0),
                handedOn::add);
    }

    private Path database() {
        return dir.resolve("chamada.db");
    }

    /** The segment starts with exactly {@code records}; the rest is the zeros written ahead of them. */
    private static void assertHolds(Path segment, byte[] records) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        assertThat(bytes.length).isGreaterThanOrEqualTo(records.length);
        assertThat(Arrays.copyOf(bytes, records.length)).isEqualTo(records);
        assertThat(Arrays.copyOfRange(bytes, records.length, bytes.length)).containsOnly((byte) 0);
    }

    private Path segment(long number) {
        return JournalFiles.of(database()).segment(number);
    }

    private static Write open(long id, int classId) {
        return new Write.Open(id, classId(classId), ANA, 1_000, new CompletableFuture<>());
    }

    private static Write checkIn(long rollCallId, String matricula) {
        return new Write.CheckIn(rollCallId, new Matricula(matricula), 2_000, new CompletableFuture<>());
    }

    private static Write close(long rollCallId) {
        return new Write.Close(rollCallId, 3_000, new CompletableFuture<>());
    }
}
