package chamada.server.nativeport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The bytes a connection has received and not yet framed into lines. Used on the connection's
 * event loop only.
 *
 * <p>Design note. A read's own buffer is kept as it is when nothing was waiting (the usual
 * case: one whole request per read), and the bytes are copied only when a read adds to a part
 * already held. Once every byte is framed the buffer goes back to the pool, so an idle
 * connection holds none, however large a burst it once sent.
 */
final class ReceivedBytes {

    private ByteBuf bytes;

    /** Adds what one read brought; takes over {@code read}. */
    void add(ByteBufAllocator allocator, ByteBuf read) {
        if (bytes == null) {
            bytes = read;
            return;
        }
        try {
            if (bytes.writableBytes() < read.readableBytes()) {
                ByteBuf merged = allocator.buffer(bytes.readableBytes() + read.readableBytes());
                merged.writeBytes(bytes);
                bytes.release();
                bytes = merged;
            }
            bytes.writeBytes(read);
        } finally {
            read.release();
        }
    }

    /** Takes the next whole line off the bytes waiting, if there is one. */
    LineFramer.Frame next(LineFramer framer) {
        return bytes == null ? LineFramer.INCOMPLETE : framer.next(bytes);
    }

    /**
     * Takes up to {@code max} raw bytes off those waiting (the bytes of an upload, which follow its
     * request's line); the caller releases them. A whole read's buffer is handed over as it is.
     */
    ByteBuf take(long max) {
        if (bytes.readableBytes() <= max) {
            ByteBuf all = bytes;
            bytes = null;
            return all;
        }
        return bytes.readBytes((int) max);
    }

    /** How many bytes are waiting. */
    long readable() {
        return bytes == null ? 0 : bytes.readableBytes();
    }

    /** Whether part of a line, or more, is waiting. */
    boolean waiting() {
        return bytes != null && bytes.isReadable();
    }

    /** Gives the buffer back if every byte is framed; otherwise lets it drop the framed ones. */
    void compact() {
        if (bytes == null) {
            return;
        }
        if (!bytes.isReadable()) {
            release();
        } else {
            bytes.discardSomeReadBytes();
        }
    }

    /** Gives the buffer back; at the connection's end. */
    void release() {
        if (bytes != null) {
            bytes.release();
            bytes = null;
        }
    }
}
