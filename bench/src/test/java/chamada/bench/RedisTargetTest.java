package chamada.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Redis side of the bench where no Redis is needed; {@link RedisBaselineTest} runs it against one. */
class RedisTargetTest {

    @Test
    void connect_nothingListening_isIOExceptionNamingTheAddress() {
        RedisTarget redis = new RedisTarget("127.0.0.1", 1, Duration.ofSeconds(1));

        try (LaneLoops loops = LaneLoops.start()) {
            assertThatThrownBy(() -> redis.connect(loops, reply -> { }).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot connect to Redis at 127.0.0.1:1: ");
        }
    }
}
