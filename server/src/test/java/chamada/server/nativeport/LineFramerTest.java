package chamada.server.nativeport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineFramerTest {

    private final LineFramer framer = new LineFramer(8);

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    @Test
    void lines_comeOneAtATime_withoutTheirEnds() {
        ByteBuf in = bytes("help\r\nquit\n");

        assertThat(framer.next(in)).isEqualTo(new LineFramer.Frame.Line("help"));
        assertThat(framer.next(in)).isEqualTo(new LineFramer.Frame.Line("quit"));
        assertThat(framer.next(in)).isInstanceOf(LineFramer.Frame.Incomplete.class);
    }

    @Test
    void partOfALine_isIncomplete_untilItsNewlineArrives() {
        ByteBuf in = bytes("chec");

        assertThat(framer.next(in)).isInstanceOf(LineFramer.Frame.Incomplete.class);
        in.writeBytes("kin\n".getBytes(StandardCharsets.UTF_8));
        assertThat(framer.next(in)).isEqualTo(new LineFramer.Frame.Line("checkin"));
    }

    @Test
    void linesArrivingInPieces_areFoundWhereverTheirPiecesEnd() {
        ByteBuf in = bytes("ab");

        assertThat(framer.next(in)).isInstanceOf(LineFramer.Frame.Incomplete.class);
        in.writeBytes("c\nde".getBytes(StandardCharsets.UTF_8));
        assertThat(framer.next(in)).isEqualTo(new LineFramer.Frame.Line("abc"));
        assertThat(framer.next(in)).isInstanceOf(LineFramer.Frame.Incomplete.class);
        in.writeBytes("f\n".getBytes(StandardCharsets.UTF_8));
        assertThat(framer.next(in)).isEqualTo(new LineFramer.Frame.Line("def"));
    }

    @Test
    void lineOfExactlyTheLimit_isALine_andOneByteMoreIsTooLong() {
        assertThat(framer.next(bytes("12345678\n"))).isEqualTo(new LineFramer.Frame.Line("12345678"));
        assertThat(framer.next(bytes("123456789\n"))).isInstanceOf(LineFramer.Frame.TooLong.class);
        assertThat(framer.next(bytes("123456789"))).as("no newline yet, already past the limit")
                .isInstanceOf(LineFramer.Frame.TooLong.class);
    }

    @Test
    void invalidUtf8_isConsumed_andTheNextLineFollows() {
        ByteBuf in = Unpooled.wrappedBuffer(new byte[] {'o', 'p', (byte) 0xC3, (byte) 0x28, '\n', 'o', 'k', '\n'});

        assertThat(framer.next(in)).isInstanceOf(LineFramer.Frame.BadEncoding.class);
        assertThat(framer.next(in)).isEqualTo(new LineFramer.Frame.Line("ok"));
    }
}
