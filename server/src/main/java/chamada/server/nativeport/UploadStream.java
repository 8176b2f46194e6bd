package chamada.server.nativeport;

import chamada.materials.Upload;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of one upload on a native connection, from its event loop to the file, written on a
 * virtual thread of its own so that no disk write ever holds the loop. The loop stops reading the
 * socket while more than {@link #HIGH_BYTES} wait to be written ({@link #full}), and is woken to
 * read again once fewer than {@link #LOW_BYTES} do: the server holds a few megabytes of an upload
 * at most, however fast the client sends. A write that fails (a full disk) is remembered; the
 * rest of the bytes are still read, and dropped, so that the connection stays in step.
 *
 * <p>Threads: {@link #accept}, {@link #remaining} and {@link #full} on the loop; the writes on
 * the stream's own thread.
 */
final class UploadStream {

    static final long HIGH_BYTES = 8L << 20;
    static final long LOW_BYTES = 2L << 20;

    private final Upload upload;
    private final Runnable wake;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean paused = new AtomicBoolean();
    private long remaining;
    private volatile IOException failed;

    /** {@code wake} asks the loop to read again; called from the writer's thread. */
    UploadStream(Upload upload, Runnable wake) {
        this.upload = upload;
        this.wake = wake;
        this.remaining = upload.size();
    }

    Upload upload() {
        return upload;
    }

    /** Bytes still to come from the client. */
    long remaining() {
        return remaining;
    }

    /** Whether the loop should stop reading until the writes catch up; if so, it will be woken. */
    boolean full() {
        if (queued.get() <= HIGH_BYTES) {
            return false;
        }
        paused.set(true);
        // The writer may have drained everything between the look and the flag, waking nobody.
        return !(queued.get() < LOW_BYTES && paused.compareAndSet(true, false));
    }

    /** On the loop: takes over {@code bytes}, the next of the upload (at most {@link #remaining}). */
    void accept(ByteBuf bytes) {
        int length = bytes.readableBytes();
        remaining -= length;
        queued.addAndGet(length);
        writer.execute(() -> {
            try {
                if (failed == null) {
                    upload.file().write(bytes.nioBuffer());
                }
            } catch (IOException e) {
                failed = e;
            } finally {
                bytes.release();
                if (queued.addAndGet(-length) < LOW_BYTES && paused.compareAndSet(true, false)) {
                    wake.run();
                }
            }
        });
    }

    /** Completes once every byte accepted is written: empty, or the failure of a write. */
    CompletableFuture<IOException> written() {
        CompletableFuture<IOException> done = new CompletableFuture<>();
        writer.execute(() -> done.complete(failed));
        writer.shutdown();
        return done;
    }

    /** The connection ended before the last byte: drops what was received, once the writes queued are done. */
    void abort() {
        writer.execute(upload::close);
        writer.shutdown();
    }
}
