package chamada.bench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventLinesTest {

    private static final String STREAM = """
            retry: 2000

            event: checkin
            data: {"class":1,"matricula":"042191010","at":"2026-11-21T10:00:03.000-03:00","count":1}

            :

            event: checkin
            data: {"class":1,"matricula":"event: checkin","count":2}

            event: close
            data: {"class":1,"count":2}

            """;

    @Test
    void feed_wholeStream_countsTheEventLinesOnly() {
        EventLines lines = new EventLines();

        lines.feed(ByteBuffer.wrap(STREAM.getBytes(StandardCharsets.UTF_8)));

        assertThat(lines.checkins()).isEqualTo(2);
        assertThat(lines.closes()).isEqualTo(1);
        assertThat(lines.bytes()).isEqualTo(STREAM.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void feed_oneByteAtATime_countsTheSame() {
        EventLines lines = new EventLines();

        for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) {
            lines.feed(ByteBuffer.wrap(new byte[] {b}));
        }

        assertThat(lines.checkins()).isEqualTo(2);
        assertThat(lines.closes()).isEqualTo(1);
    }

    @Test
    void feed_nameWithMoreAfterIt_isNotCounted() {
        EventLines lines = new EventLines();

        lines.feed(ByteBuffer.wrap("event: checkins\nevent: closed\n event: close\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(lines.checkins()).isZero();
        assertThat(lines.closes()).isZero();
    }
}
