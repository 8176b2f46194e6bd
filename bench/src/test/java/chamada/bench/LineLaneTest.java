package chamada.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a line lane cuts what it reads into replies, on an embedded channel: every split is the test's to choose. */
class LineLaneTest {

    private final List<CheckInReply> heard = new ArrayList<>();
    private final LineLane lane = new LineLane(RespLines.INSTANCE, heard::add);
    private final EmbeddedChannel channel = new EmbeddedChannel(lane);

    private void receive(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
    }

    @Test
    void checkIn_writesTheProtocolsRequest() {
        lane.checkIn(7, 10_000_000_001L);

        ByteBuf written = channel.readOutbound();
        assertThat(written.toString(StandardCharsets.US_ASCII)).endsWith("$7\r\nclass:7\r\n$11\r\n10000000001\r\n");
        written.release();
    }

    @Test
    void read_replySplitAcrossReads_isHeardOnceWhole() {
        receive(":");
        assertThat(heard).isEmpty();

        receive("1\r");
        receive("\n");

        assertThat(heard).containsExactly(CheckInReply.NEW);
    }

    @Test
    void read_twoRepliesAndAPartInOneRead_areHeardInOrder() {
        receive(":1\r\n:0\r\n:");
        receive("1\r\n");

        assertThat(heard).containsExactly(CheckInReply.NEW, CheckInReply.ALREADY_THERE, CheckInReply.NEW);
    }

    @Test
    void read_bareNewline_endsALineToo() {
        receive(":0\n");

        assertThat(heard).containsExactly(CheckInReply.ALREADY_THERE);
    }

    @Test
    void read_lineLongerThanTheLimit_isOneFailureAndCloses() {
        receive("-" + "x".repeat(LineLane.MAX_LINE_BYTES + 1));

        assertThat(heard).containsExactly(new CheckInReply.Failed("a reply line longer than " + LineLane.MAX_LINE_BYTES
                + " bytes"));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void connectionLost_isHeardOnceAsAFailure() {
        channel.close();

        assertThat(heard).containsExactly(new CheckInReply.Failed("the connection was closed"));
    }
}
