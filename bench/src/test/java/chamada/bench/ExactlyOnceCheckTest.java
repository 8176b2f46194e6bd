package chamada.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExactlyOnceCheckTest {

    @Test
    void members_sameSetsInAnyOrder_areOk() {
        ExactlyOnce verdict = ExactlyOnceCheck.members(
                Map.of(1, new long[] {10, 11, 12}, 2, new long[] {20}),
                Map.of(1, new long[] {12, 10, 11}, 2, new long[] {20}), 0);

        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.acknowledged()).isEqualTo(4);
        assertThat(verdict.counted()).isEqualTo(4);
    }

    @Test
    void members_acknowledgedButMissing_fails() {
        ExactlyOnce verdict = ExactlyOnceCheck.members(Map.of(1, new long[] {10, 11}), Map.of(1, new long[] {10}), 0);

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.problems()).containsExactly("class 1: acknowledged matrícula 11 is missing");
    }

    @Test
    void members_countedTwice_fails() {
        ExactlyOnce verdict = ExactlyOnceCheck.members(Map.of(1, new long[] {10}), Map.of(1, new long[] {10, 10}), 5);

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.problems()).containsExactly("class 1: matrícula 10 counted twice");
    }

    @Test
    void members_extraWithinInDoubt_isOk_beyondIt_fails() {
        Map<Integer, long[]> acked = Map.of(1, new long[] {10});
        Map<Integer, long[]> present = Map.of(1, new long[] {10, 11}, 2, new long[] {21});

        assertThat(ExactlyOnceCheck.members(acked, present, 2).ok()).isTrue();
        ExactlyOnce verdict = ExactlyOnceCheck.members(acked, present, 1);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.problems()).containsExactly("2 check-ins counted but never acknowledged, more than the 1 in doubt");
    }

    @Test
    void members_manyProblems_listsTenThenSaysMore() {
        ExactlyOnce verdict = ExactlyOnceCheck.members(
                Map.of(1, new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), Map.of(), 0);

        assertThat(verdict.problems()).hasSize(ExactlyOnceCheck.MAX_PROBLEMS + 1).last().isEqualTo("… and more");
    }

    @Test
    void counts_equal_areOk() {
        assertThat(ExactlyOnceCheck.counts(Map.of(1, 5L, 2, 0L), Map.of(1, 5L, 2, 0L), 0).ok()).isTrue();
    }

    @Test
    void counts_fewerCounted_fails() {
        ExactlyOnce verdict = ExactlyOnceCheck.counts(Map.of(1, 5L), Map.of(1, 4L), 3);

        assertThat(verdict.problems()).containsExactly("class 1: 5 acknowledged but only 4 counted");
    }

    @Test
    void counts_moreCounted_okOnlyWithinInDoubt() {
        assertThat(ExactlyOnceCheck.counts(Map.of(1, 5L), Map.of(1, 6L), 1).ok()).isTrue();
        assertThat(ExactlyOnceCheck.counts(Map.of(1, 5L), Map.of(1, 6L), 0).ok()).isFalse();
    }
}
