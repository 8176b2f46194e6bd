package chamada.server.nativeport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;

/**
 * The native protocol's framing over the bytes a connection has received: newline-terminated
 * UTF-8 lines, a {@code \r} before the newline dropped, each at most a given number of bytes
 * (the same rules as {@link chamada.protocol.LineReader}, which the client and the legacy ports
 * use on blocking sockets).
 */
final class LineFramer {

    /** What the received bytes hold next. */
    sealed interface Frame {
        /** A whole line, without its end. */
        record Line(String text) implements Frame {
        }

        /** A whole line whose bytes are not UTF-8; it was consumed and the next may follow. */
        record BadEncoding() implements Frame {
        }

        /** A line past the limit; nothing after it can be framed, the connection ends. */
        record TooLong() implements Frame {
        }

        /** No whole line yet: part of one, or nothing. */
        record Incomplete() implements Frame {
        }
    }

    private static final Frame BAD_ENCODING = new Frame.BadEncoding();
    private static final Frame TOO_LONG = new Frame.TooLong();
    static final Frame INCOMPLETE = new Frame.Incomplete();

    private final int maxLineBytes;
    /**
     * How many bytes past the reader index are known to hold no newline: a long line arriving
     * in many reads is scanned once, not from its start at each read.
     */
    private int searched;

    LineFramer(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Takes the next whole line off {@code in}, if there is one. Used with one connection's bytes only. */
    Frame next(ByteBuf in) {
        int start = in.readerIndex();
        int from = Math.min(searched, in.readableBytes());
        int newline = in.forEachByte(start + from, in.readableBytes() - from, ByteProcessor.FIND_LF);
        if (newline < 0) {
            searched = in.readableBytes();
            return in.readableBytes() > maxLineBytes ? TOO_LONG : INCOMPLETE;
        }
        searched = 0;
        int length = newline - start;
        if (length > maxLineBytes) {
            return TOO_LONG;
        }
        in.readerIndex(newline + 1);
        if (length > 0 && in.getByte(newline - 1) == '\r') {
            length--;
        }
        if (!ByteBufUtil.isText(in, start, length, StandardCharsets.UTF_8)) {
            return BAD_ENCODING;
        }
        return new Frame.Line(in.toString(start, length, StandardCharsets.UTF_8));
    }
}
