package chamada.server.nativeport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The bytes a connection has received and not yet framed into lines: each read is added to
 * them, and they are given back to the pool when the connection ends. Used on the connection's
 * event loop only.
 */
final class ReceivedBytes {

    private static final int FIRST_CAPACITY = 256;

    private ByteBuf bytes;

    /** Adds what one read brought, releasing {@code read}. */
    void add(ByteBufAllocator allocator, ByteBuf read) {
        try {
            if (bytes == null) {
                bytes = allocator.buffer(Math.max(FIRST_CAPACITY, read.readableBytes()));
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

    /** Whether part of a line, or more, is waiting. */
    boolean waiting() {
        return bytes != null && bytes.isReadable();
    }

    /** Lets the buffer drop the bytes already framed, when that is worth a copy. */
    void compact() {
        if (bytes != null) {
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
