package chamada.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis's RESP as the check-in lanes speak it. */
class RespLinesTest {

    private static final RespLines LINES = RespLines.INSTANCE;

    private static CheckInReply read(String line) {
        return LINES.read(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII));
    }

    @Test
    void writeCheckIn_isSaddOfTheClassSetAsAnArrayOfBulkStrings() {
        ByteBuf out = Unpooled.buffer();

        LINES.writeCheckIn(out, 1010, 10_000_000_042L);

        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("*3\r\n$4\r\nSADD\r\n$10\r\nclass:1010\r\n$11\r\n10000000042\r\n");
    }

    @Test
    void read_oneAdded_isNew() {
        assertThat(read(":1")).isEqualTo(CheckInReply.NEW);
    }

    @Test
    void read_noneAdded_isAlreadyThere() {
        assertThat(read(":0")).isEqualTo(CheckInReply.ALREADY_THERE);
    }

    @Test
    void read_error_isRefusedWithRedissText() {
        assertThat(read("-WRONGTYPE Operation against a key holding the wrong kind of value"))
                .isEqualTo(new CheckInReply.Refused("WRONGTYPE Operation against a key holding the wrong kind of value"));
    }

    @Test
    void read_anythingElse_isFailed() {
        assertThat(read("+OK")).isEqualTo(new CheckInReply.Failed("unexpected reply to SADD: +OK"));
        assertThat(read(":2")).isEqualTo(new CheckInReply.Failed("unexpected reply to SADD: :2"));
    }
}
