package chamada.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RESP codec against byte streams; {@link RedisBaselineTest} runs it against a real Redis. */
class RespConnectionTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private RespConnection replying(String replies) {
        return new RespConnection(new Socket(), new ByteArrayInputStream(replies.getBytes(StandardCharsets.UTF_8)), sent);
    }

    @Test
    void sadd_writesArrayOfBulkStrings_andReadsInteger() throws IOException {
        RespConnection redis = replying(":1\r\n:0\r\n");

        assertThat(redis.sadd("class:1", "10000000042")).isEqualTo(1);
        assertThat(redis.sadd("class:1", "10000000042")).isZero();
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo(
                "*3\r\n$4\r\nSADD\r\n$7\r\nclass:1\r\n$11\r\n10000000042\r\n".repeat(2));
    }

    @Test
    void del_sendsEveryKey() throws IOException {
        assertThat(replying(":2\r\n").del(List.of("class:1", "class:2"))).isEqualTo(2);
        assertThat(sent.toString(StandardCharsets.UTF_8)).startsWith("*3\r\n$3\r\nDEL\r\n");
    }

    @Test
    void call_readsEveryReplyType() throws IOException {
        RespConnection redis = replying("+PONG\r\n$5\r\nhello\r\n$-1\r\n*2\r\n:7\r\n$0\r\n\r\n*-1\r\n");

        assertThat(redis.call("PING")).isEqualTo("PONG");
        assertThat(redis.call("GET", "a")).isEqualTo("hello");
        assertThat(redis.call("GET", "b")).isNull();
        assertThat(redis.call("X")).isEqualTo(Arrays.asList(7L, ""));
        assertThat(redis.call("Y")).isNull();
    }

    @Test
    void call_errorReply_isThrown() {
        RespConnection redis = replying("-ERR unknown command 'FOO'\r\n");

        assertThatThrownBy(() -> redis.call("FOO"))
                .isInstanceOf(RespConnection.RedisError.class).hasMessage("ERR unknown command 'FOO'");
    }

    @Test
    void sadd_nonIntegerReply_isRefused() {
        assertThatThrownBy(() -> replying("+OK\r\n").sadd("k", "m")).hasMessageContaining("integer");
    }

    @Test
    void read_cutShort_isEof() {
        assertThatThrownBy(() -> replying("$10\r\nabc").call("GET", "k")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> replying("").call("PING")).isInstanceOf(EOFException.class);
    }
}
