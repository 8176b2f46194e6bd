package chamada.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadPlanTest {

    private static LoadPlan plan(int connections, int classes, int firstClass, Duration hold) {
        return new LoadPlan(connections, Duration.ZERO, Duration.ofSeconds(1), classes, firstClass, Duration.ZERO,
                Duration.ofSeconds(1), hold);
    }

    @Test
    void classIds_followTheFirstClass() {
        assertThat(plan(1, 3, 7, Duration.ZERO).classIds()).containsExactly(7, 8, 9);
    }

    @Test
    void limits_areRefusedNamingTheOption() {
        assertThatThrownBy(() -> plan(0, 1, 1, Duration.ZERO)).hasMessageContaining("--connections");
        assertThatThrownBy(() -> plan(10_001, 1, 1, Duration.ZERO)).hasMessageContaining("--connections");
        assertThatThrownBy(() -> plan(1, 2, Integer.MAX_VALUE, Duration.ZERO)).hasMessageContaining("--first-class");
        assertThatThrownBy(() -> plan(1, 1, 1, Duration.ofSeconds(-1))).hasMessageContaining("--hold");
    }
}
