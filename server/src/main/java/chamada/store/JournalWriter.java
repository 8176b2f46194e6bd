package chamada.store;

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
 * The store's write path: a platform thread that appends queued writes to the journal, one
 * fsync per batch, acknowledges them, then hands them to SQLite ({@link SqliteApplier}).
 *
 * <p>Design note. A write is durable once its journal record is fsynced: the reply can go
 * then, before SQLite has it. Profiled, a one-row SQLite commit cost the writer about 300 µs
 * of CPU (WAL frames of whole pages, file locks, the fsync) and was most of the server's work
 * at one connection; an append of one ~50-byte record and an {@code fdatasync} costs a small
 * part of that. SQLite stays the store that reads are served from, filled behind in
 * larger transactions, and replays the journal at start-up.
 *
 * <p>Batching is a group commit: wait for the first write, take every write
 * queued then (at most {@link #MAX_BATCH}), and while their fsync runs the next batch piles
 * up, with no timer. Each write is first checked against {@link OpenRollCallIndex}, so one
 * SQLite would refuse is refused here, where its caller still hears of it.
 *
 * <p>If the disk refuses a journal write or its fsync, nothing after it can be promised:
 * the writer fails that batch and every later write, and says so in the log; the server
 * keeps answering everything else, and a restart (after fixing the disk) replays the
 * journal up to the last whole record.
 */
final class JournalWriter {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    /** The most writes one fsync serves; bounds the time until the first of them is acknowledged. */
    static final int MAX_BATCH = 1_000;

    /** The most bytes one batch appends: what a crash can leave half written at the journal's end. */
    static final int MAX_BATCH_BYTES = MAX_BATCH * (JournalCodec.HEADER_BYTES + JournalCodec.MAX_BODY_BYTES);

    /** A segment takes no more records past this size (about a million check-ins). */
    static final long SEGMENT_BYTES = 64L << 20;

    /**
     * Zeros written ahead of the records, so that an append does not grow the file. Profiled
     * at one connection, an fdatasync of an append that grew the file wrote the inode too: two
     * disk requests, each a VM exit here, instead of one.
     */
    static final int PREALLOCATE_BYTES = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10);

    private final JournalFiles files;
    private final OpenRollCallIndex index;
    private final Consumer<JournalBatch> applier;
    private final WorkQueue<Write> queue = new WorkQueue<>();
    private final WriteCounters counters = new WriteCounters();
    private final Thread thread;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 10);
    private FileChannel channel;
    private long segment;
    private long offset;
    private long preallocated;
    private Throwable broken;

    private JournalWriter(JournalFiles files, long firstSegment, OpenRollCallIndex index,
                          Consumer<JournalBatch> applier) {
        this.files = files;
        this.segment = firstSegment - 1;
        this.index = index;
        this.applier = applier;
        this.thread = Thread.ofPlatform().name("chamada-store-journal").daemon(false).unstarted(this::run);
    }

    /** Starts the writer; its first record goes to a new segment {@code firstSegment}. */
    static JournalWriter start(JournalFiles files, long firstSegment, OpenRollCallIndex index,
                               Consumer<JournalBatch> applier) {
        JournalWriter writer = new JournalWriter(files, firstSegment, index, applier);
        writer.thread.start();
        return writer;
    }

    /** Queues {@code write} without waiting and returns its future; fails it at once if the store is closed. */
    CompletableFuture<Void> submit(Write write) {
        if (!queue.offer(write)) {
            write.done().completeExceptionally(new IllegalStateException("store is closed: journal " + files.folder()));
        }
        return write.done();
    }

    /** How many writes are durable so far: every one acknowledged is counted here first. */
    long durableWrites() {
        return counters.snapshot().writes();
    }

    /** Refuses new writes; those already submitted are still journaled. */
    void shutdown() {
        queue.close();
    }

    /** Waits until every accepted write is journaled or failed and the segment is closed. */
    void awaitTermination() {
        Threads.joinUninterruptibly(thread);
    }

    WriteStats stats() {
        return counters.snapshot();
    }

    private void run() {
        try {
            for (List<Write> batch = queue.take(MAX_BATCH); !batch.isEmpty(); batch = queue.take(MAX_BATCH)) {
                try {
                    journal(batch);
                } catch (RuntimeException | Error e) {
                    // A bug, not the disk: what this batch did to the journal is unknown, so nothing more is promised.
                    log.error("Journal writer for {} failed; no further write will be accepted", files.folder(), e);
                    broken = e;
                    batch.forEach(write -> write.done().completeExceptionally(e)); // no-op for those already done
                }
            }
        } finally {
            closeSegment();
        }
    }

    private void journal(List<Write> batch) {
        if (broken != null) {
            // Said once, when it broke; each write here only fails.
            batch.forEach(write -> {
                counters.failed();
                write.done().completeExceptionally(broken);
            });
            return;
        }
        List<Write> admitted = new ArrayList<>(batch.size());
        buffer.clear();
        for (Write write : batch) {
            Optional<String> refusal = index.admit(write);
            if (refusal.isPresent()) {
                fail(write, new IllegalStateException(refusal.get()));
                continue;
            }
            reserve(JournalCodec.maxBytes(write));
            JournalCodec.encode(write, buffer);
            admitted.add(write);
        }
        if (admitted.isEmpty()) {
            return;
        }
        buffer.flip();
        try {
            append();
        } catch (IOException e) {
            broken = e;
            log.error("Writing the journal {} failed; no further write will be accepted until the server is"
                    + " restarted after the disk is fixed", files.segment(segment), e);
            admitted.forEach(write -> fail(write, e));
            return;
        }
        // Handed on before it is counted: a read waits for the applier to reach the count.
        applier.accept(new JournalBatch(admitted, new JournalPosition(segment, offset)));
        counters.committed(admitted.size());
        admitted.forEach(write -> write.done().complete(null));
    }

    private void append() throws IOException {
        if (channel == null || offset + buffer.remaining() > SEGMENT_BYTES) {
            closeSegment();
            segment++;
            channel = files.create(segment);
            offset = 0;
            preallocated = 0;
        }
        long batchStart = offset;
        try {
            if (offset + buffer.remaining() > preallocated) {
                preallocate(offset + buffer.remaining());
            }
            while (buffer.hasRemaining()) {
                offset += channel.write(buffer, offset);
            }
            channel.force(false);
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
        channel.force(true);
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
            failure.addSuppressed(e);
            log.error("Could not cut the failed writes off {} at byte {}: they may reappear after a restart",
                    files.segment(segment), batchStart);
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

    private void fail(Write write, Throwable cause) {
        counters.failed();
        // The caller logs the failure with its stack trace when it waits; once is enough.
        log.warn("Store write failed: {}: {}", write, cause.toString());
        write.done().completeExceptionally(cause);
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
