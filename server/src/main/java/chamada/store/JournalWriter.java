package chamada.store;

import chamada.rollcall.EventHub;
import chamada.rollcall.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The embedded store's one serialization point: a platform thread that decides each queued
 * command ({@link OpenRollCalls}), appends the writes decided to the journal, one fsync per
 * batch, hands the writes to SQLite ({@link SqliteApplier}), then completes the commands'
 * futures with their outcomes.
 *
 * <p>The futures complete on this thread, and so do the stages callers attach to them without
 * an executor (the service's and the dispatcher's few microseconds of turning an outcome into a
 * reply): one hand-off fewer per request than completing them elsewhere. Such stages must not
 * block.
 *
 * <p>Design note. A write is durable once its journal record is fsynced: the reply can go
 * then, before SQLite has it. A one-row SQLite commit costs many times an append and an
 * {@code fdatasync} of one small record (BENCHMARKS.md, "The journal"), so SQLite stays the
 * store that reads are served from, filled behind in larger transactions, and replays the
 * journal at start-up. Deciding here, on the thread that journals, makes each decision and
 * its write one step: no other thread holds a copy of the rules' state to disagree with.
 *
 * <p>Batching is a group commit: wait for the first command, take every command queued then
 * (at most {@link #MAX_BATCH}), and while their fsync runs the next batch piles up, with no
 * timer. Every outcome of a batch, including those that wrote nothing (a repeated check-in
 * says "already registered" about a check-in that may be in this very batch), is given only
 * after the batch's fsync.
 *
 * <p>If the disk refuses a journal write or its fsync, nothing after it can be promised: the
 * writer fails that batch and every later command, says so in the log, and the store reports
 * itself unhealthy; a restart (after fixing the disk) replays the journal up to the last whole
 * record.
 */
final class JournalWriter {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    /** The most commands one fsync serves; bounds the time until the first of them is acknowledged. */
    static final int MAX_BATCH = 1_000;

    /**
     * The most bytes one append writes: what a crash can leave half written at the journal's
     * end. A batch of small records, or one large record alone ({@link #appendBuffer}).
     */
    static final int MAX_TORN_BYTES = Math.max(MAX_BATCH * (JournalCodec.HEADER_BYTES + JournalCodec.MAX_BODY_BYTES),
            JournalCodec.HEADER_BYTES + JournalCodec.MAX_LARGE_BODY_BYTES);

    /** A segment takes no more records past this size (about a million check-ins). */
    static final long SEGMENT_BYTES = 64L << 20;

    /**
     * Zeros written ahead of the records, so that an append does not grow the file: an
     * fdatasync of an append that grew the file writes the inode too, a second disk request
     * (BENCHMARKS.md, "Zeros ahead of the journal").
     */
    static final int PREALLOCATE_BYTES = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10);

    private final JournalFiles files;
    private final OpenRollCalls rules;
    private final Consumer<JournalBatch> applier;
    private final EventHub events;
    private final WorkQueue<Command<?>> queue = new WorkQueue<>();
    private final WriteCounters counters = new WriteCounters();
    private final StoreMeters meters;
    private final Thread thread;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 10);
    private FileChannel channel;
    private long segment;
    private long offset;
    private long preallocated;
    /** Why nothing more is accepted; written by the writer thread, read by {@link #broken()} from any. */
    private volatile Throwable broken;
    /** Whether the last failed append was cut off the segment again, so its writes are certainly not made. */
    private boolean takenBack;

    private JournalWriter(JournalFiles files, long firstSegment, OpenRollCalls rules,
                          Consumer<JournalBatch> applier, EventHub events, StoreMeters meters) {
        this.files = files;
        this.meters = meters;
        this.segment = firstSegment - 1;
        this.rules = rules;
        this.applier = applier;
        this.events = events;
        this.thread = Thread.ofPlatform().name("chamada-store-journal").daemon(false).unstarted(this::run);
    }

    /**
     * Starts the writer; its first record goes to a new segment {@code firstSegment}, and what
     * each durable batch changed is published to {@code events}; each fsync's time goes to {@code meters}.
     */
    static JournalWriter start(JournalFiles files, long firstSegment, OpenRollCalls rules,
                               Consumer<JournalBatch> applier, EventHub events, StoreMeters meters) {
        JournalWriter writer = new JournalWriter(files, firstSegment, rules, applier, events, meters);
        if (UnsafeSkipFsync.ON) {
            log.error("UNSAFE, FOR TESTS ONLY: the journal {} is not fsynced ({}={}); a power cut WILL lose"
                    + " acknowledged writes / INSEGURO, SÓ PARA TESTES: o diário não é sincronizado com o disco;"
                    + " uma queda de energia VAI perder gravações confirmadas",
                    files.folder(), UnsafeSkipFsync.PROPERTY, UnsafeSkipFsync.CONSENT);
        }
        writer.thread.start();
        return writer;
    }

    /** Queues {@code command} without waiting and returns its future; fails it at once if the store is closed. */
    <R> CompletableFuture<R> submit(Command<R> command) {
        if (!queue.offer(command)) {
            command.done().completeExceptionally(new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                    "store is closed: journal " + files.folder()));
        }
        return command.done();
    }

    /** How many roll calls are open, as of the last command decided; from any thread. */
    int openRollCallCount() {
        return rules.openCount();
    }

    /** How many writes are durable so far: every one acknowledged is counted here first. */
    long durableWrites() {
        return counters.snapshot().writes();
    }

    /** Why the writer accepts nothing more, if it broke. */
    Optional<Throwable> broken() {
        return Optional.ofNullable(broken);
    }

    /** Refuses new commands; those already submitted are still decided and journaled. */
    void shutdown() {
        queue.close();
    }

    /** Waits until every accepted command is answered and the segment is closed. */
    void awaitTermination() {
        Threads.joinUninterruptibly(thread);
    }

    WriteStats stats() {
        return counters.snapshot();
    }

    private void run() {
        try {
            for (List<Command<?>> batch = queue.take(MAX_BATCH); !batch.isEmpty(); batch = queue.take(MAX_BATCH)) {
                try {
                    journal(batch);
                } catch (RuntimeException | Error e) {
                    // A bug, not the disk: what this batch did to the journal is unknown, so nothing more is promised.
                    log.error("Journal writer for {} failed; no further write will be accepted", files.folder(), e);
                    broken = e;
                    StoreFailure unknown = new StoreFailure(StoreFailure.Kind.OUTCOME_UNKNOWN,
                            "journal writer failed: " + e, e);
                    batch.forEach(command -> command.done().completeExceptionally(unknown)); // no-op for those done
                }
            }
        } finally {
            closeSegment();
        }
    }

    private void journal(List<Command<?>> batch) {
        if (broken != null) {
            // Said once, when it broke; each command here only fails.
            StoreFailure unavailable = new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                    "the journal " + files.folder() + " accepts no more writes: " + broken, broken);
            batch.forEach(command -> {
                counters.failed();
                command.done().completeExceptionally(unavailable);
            });
            return;
        }
        List<Decision<?>> decided = new ArrayList<>(batch.size());
        List<Write> writes = new ArrayList<>(batch.size());
        buffer.clear();
        boolean partAppended = false;
        try {
            for (Command<?> command : batch) {
                Decision<?> decision = rules.decide(command);
                decided.add(decision);
                if (decision.write().isPresent()) {
                    Write write = decision.write().get();
                    boolean large = JournalCodec.isLarge(write);
                    if (large && buffer.position() > 0) {
                        appendBuffer();
                        partAppended = true;
                    }
                    reserve(JournalCodec.maxBytes(write));
                    JournalCodec.encode(write, buffer);
                    writes.add(write);
                    if (large) {
                        appendBuffer();
                        partAppended = true;
                    }
                }
            }
            if (buffer.position() > 0) {
                appendBuffer();
            }
        } catch (IOException e) {
            broken = e;
            // One line, without a stack trace: the cause is the disk, and what to do is in README.
            log.error("Writing the journal {} failed ({}){}; no further write will be accepted until the server is"
                    + " restarted after the disk is fixed or space is freed (README, \"When the disk is full or"
                    + " failing\")", files.segment(segment), e.toString(), takenBack ? ""
                    : "; the failed writes could not be cut off it and may reappear after the restart");
            // Taken back only the part that failed: an earlier part of the batch is on disk.
            StoreFailure failedWrite = new StoreFailure(takenBack && !partAppended ? StoreFailure.Kind.NOT_MADE
                    : StoreFailure.Kind.OUTCOME_UNKNOWN, "writing the journal failed: " + e, e);
            // What wrote nothing (a read, a refusal) changed nothing, but may rest on a write that failed.
            StoreFailure unavailable = new StoreFailure(StoreFailure.Kind.UNAVAILABLE,
                    "writing the journal failed: " + e, e);
            decided.forEach(decision -> {
                counters.failed();
                decision.fail(decision.write().isPresent() ? failedWrite : unavailable);
            });
            batch.subList(decided.size(), batch.size()).forEach(command -> {
                counters.failed();
                command.done().completeExceptionally(unavailable);
            });
            return;
        }
        if (!writes.isEmpty()) {
            // Handed on before it is counted: a read waits for the applier to reach the count.
            applier.accept(new JournalBatch(writes, new JournalPosition(segment, offset)));
            counters.committed(writes.size());
            if (writes.stream().anyMatch(Write.Forget.class::isInstance)) {
                // Nothing more goes into a segment that holds a forgotten matrícula: the applier deletes it.
                closeSegment();
            }
        }
        decided.forEach(Decision::complete);
        // After the replies: a projector hears of a check-in after the student does, never before.
        decided.forEach(decision -> decision.event().ifPresent(events::publish));
    }

    /**
     * Appends what the buffer holds and fsyncs it. A batch goes down in one part, or in several
     * when it holds a large record ({@link JournalCodec#isLarge}), which is appended on its own:
     * a crash then tears at most one part ({@link #MAX_TORN_BYTES}).
     */
    private void appendBuffer() throws IOException {
        buffer.flip();
        append();
        buffer.clear();
    }

    private void append() throws IOException {
        takenBack = true;
        if (channel == null || offset + buffer.remaining() > SEGMENT_BYTES) {
            closeSegment();
            segment++;
            channel = files.create(segment);
            offset = JournalHeader.BYTES; // written by create
            preallocated = offset;
        }
        long batchStart = offset;
        try {
            if (offset + buffer.remaining() > preallocated) {
                preallocate(offset + buffer.remaining());
            }
            while (buffer.hasRemaining()) {
                offset += channel.write(buffer, offset);
            }
            long syncStart = System.nanoTime();
            if (!UnsafeSkipFsync.ON) {
                channel.force(false);
            }
            meters.synced(System.nanoTime() - syncStart);
        } catch (IOException e) {
            takeBack(batchStart, e);
            throw e;
        }
    }

    /**
     * Writes zeros from the end of the segment to past {@code needed}, and fsyncs them with
     * the file's new size; replay reads zeros after the last record as the journal's end.
     */
    private void preallocate(long needed) throws IOException {
        long target = Math.max(needed, Math.min(SEGMENT_BYTES, preallocated + PREALLOCATE_BYTES));
        long position = preallocated;
        while (position < target) {
            ByteBuffer zeros = ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), target - position));
            while (zeros.hasRemaining()) {
                position += channel.write(zeros, position);
            }
        }
        if (!UnsafeSkipFsync.ON) {
            channel.force(true);
        }
        preallocated = target;
    }

    /**
     * Cuts a failed batch off the segment, so that writes reported as failed do not come back
     * at the next start's replay. If even that fails, whether they come back is unknown.
     */
    private void takeBack(long batchStart, IOException failure) {
        try {
            channel.truncate(batchStart);
            channel.force(true);
            offset = batchStart;
            preallocated = batchStart;
        } catch (IOException e) {
            // Said in the one line that reports the failure.
            failure.addSuppressed(e);
            takenBack = false;
        }
    }

    private void reserve(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
    }

    private void closeSegment() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Closing journal segment {} failed: {}", files.segment(segment), e.toString());
        }
        channel = null;
    }
}
