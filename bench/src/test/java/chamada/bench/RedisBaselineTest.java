package chamada.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The RESP client and the Redis side of the bench against a real redis-server; skipped without one. */
class RedisBaselineTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRedis() {
        assumeTrue(RedisProcess.executable().isPresent(),
                "SKIPPED: redis-server is not installed (apt-get install redis-server; bench/compare.sh does it)");
    }

    @Test
    void sadd_scard_del_againstRealRedis() throws Exception {
        try (RedisProcess server = RedisProcess.start(RedisProcess.executable().orElseThrow(), dir);
             RespConnection redis = RespConnection.connect("127.0.0.1", server.port(), Duration.ofSeconds(5))) {
            assertThat(redis.sadd("class:1", "042191010")).isEqualTo(1);
            assertThat(redis.sadd("class:1", "042191010")).isZero();
            assertThat(redis.sadd("class:1", "42191010")).isEqualTo(1);
            assertThat(redis.scard("class:1")).isEqualTo(2);
            assertThat(redis.del(List.of("class:1", "class:2"))).isEqualTo(1);
            assertThat(redis.scard("class:1")).isZero();
        }
    }

    @Test
    void loadGenerator_againstRealRedis_passesExactlyOnce() throws Exception {
        try (RedisProcess server = RedisProcess.start(RedisProcess.executable().orElseThrow(), dir)) {
            LoadPlan plan = new LoadPlan(4, Duration.ofMillis(200), Duration.ofMillis(500), 3, 1, Duration.ZERO,
                    Duration.ofSeconds(10), Duration.ZERO);

            RunResult result = LoadGenerator.run(new RedisTarget("127.0.0.1", server.port(), Duration.ofSeconds(10)), plan);

            assertThat(result.errors()).isZero();
            assertThat(result.exactlyOnce().ok()).as(result.exactlyOnce().problems().toString()).isTrue();
            assertThat(result.exactlyOnce().counted()).isPositive();
        }
    }
}
