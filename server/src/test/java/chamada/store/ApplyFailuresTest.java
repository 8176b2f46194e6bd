package chamada.store;

import chamada.testing.CapturedLog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that cannot apply for a while says so once, not once a second. */
class ApplyFailuresTest {

    private final ApplyFailures failures = new ApplyFailures(Path.of("/srv/chamada.db"), 1_000);

    @Test
    void failed_manyTimesInARow_isLoggedOnceThenRecoveryOnce() {
        try (CapturedLog log = CapturedLog.of(ApplyFailures.class)) {
            for (int i = 0; i < 30; i++) {
                failures.failed(new SQLException("database or disk is full"), 10);
            }
            failures.succeeded();

            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().getFirst()).contains("/srv/chamada.db").contains("failed");
            assertThat(log.lines().getLast()).contains("works again").contains("30");
        }
    }

    @Test
    void succeeded_withoutAFailure_saysNothing() {
        try (CapturedLog log = CapturedLog.of(ApplyFailures.class)) {
            failures.succeeded();

            assertThat(log.lines()).isEmpty();
        }
    }
}
