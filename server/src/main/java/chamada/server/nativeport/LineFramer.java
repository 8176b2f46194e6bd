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

    LineFramer(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Takes the next whole line off {@code in}, if there is one. */
    Frame next(ByteBuf in) {
        int start = in.readerIndex();
        int newline = in.forEachByte(start, in.readableBytes(), ByteProcessor.FIND_LF);
        if (newline < 0) {
            return in.readableBytes() > maxLineBytes ? TOO_LONG : INCOMPLETE;
        }
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
