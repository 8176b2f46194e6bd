package chamada.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Redis side of the bench (lanes in RESP, set-up and check through Jedis) against a real redis-server; skipped without one. */
class RedisBaselineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRedis() {
        assumeTrue(RedisProcess.executable().isPresent(),
                "SKIPPED: redis-server is not installed (apt-get install redis-server; bench/compare.sh does it)");
    }

    @Test
    void checkIn_newThenAgain_isNewThenNot_andVerifyCountsBothStudents() throws Exception {
        try (RedisProcess server = RedisProcess.start(RedisProcess.executable().orElseThrow(), dir)) {
            RedisTarget redis = new RedisTarget("127.0.0.1", server.port(), TIMEOUT);
            redis.prepare(List.of(1010));

            try (TestLane lane = TestLane.open(redis)) {
                assertThat(lane.checkIn(1010, 42191010)).isEqualTo(CheckInReply.NEW);
                assertThat(lane.checkIn(1010, 42191010)).isEqualTo(CheckInReply.ALREADY_THERE);
                assertThat(lane.checkIn(1010, 42191011)).isEqualTo(CheckInReply.NEW);
            }
            ExactlyOnce verdict = redis.verify(Map.of(1010, new long[] {42191010, 42191011}), 0);

            assertThat(verdict.ok()).as(verdict.problems().toString()).isTrue();
            assertThat(verdict.counted()).isEqualTo(2);
        }
    }

    @Test
    void verify_acknowledgedButNotInTheSet_fails() throws Exception {
        try (RedisProcess server = RedisProcess.start(RedisProcess.executable().orElseThrow(), dir)) {
            RedisTarget redis = new RedisTarget("127.0.0.1", server.port(), TIMEOUT);
            redis.prepare(List.of(7));

            ExactlyOnce verdict = redis.verify(Map.of(7, new long[] {1}), 0);

            assertThat(verdict.ok()).isFalse();
            assertThat(verdict.problems()).containsExactly("class 7: 1 acknowledged but only 0 counted");
        }
    }

    @Test
    void loadGenerator_againstRealRedis_passesExactlyOnce() throws Exception {
        try (RedisProcess server = RedisProcess.start(RedisProcess.executable().orElseThrow(), dir)) {
            LoadPlan plan = new LoadPlan(4, Duration.ofMillis(200), Duration.ofMillis(500), 3, 1, Duration.ZERO,
                    TIMEOUT, Duration.ZERO);

            RunResult result = LoadGenerator.run(new RedisTarget("127.0.0.1", server.port(), TIMEOUT), plan);

            assertThat(result.errors()).isZero();
            assertThat(result.exactlyOnce().ok()).as(result.exactlyOnce().problems().toString()).isTrue();
            assertThat(result.exactlyOnce().counted()).isPositive();
        }
    }
}
