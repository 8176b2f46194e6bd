package chamada.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgedTest {

    @Test
    void byClass_spreadsSequenceNumbersRoundRobin_andListsEmptyClasses() {
        Acknowledged a = new Acknowledged();
        Acknowledged b = new Acknowledged();
        for (long n = 0; n < 100; n += 2) {
            a.add(n);
            b.add(n + 1);
        }
        a.add(100);

        Map<Integer, long[]> byClass = Acknowledged.byClass(List.of(a, b), List.of(7, 8, 9));

        assertThat(byClass).containsOnlyKeys(7, 8, 9);
        assertThat(byClass.get(7)).hasSize(34).contains(Acknowledged.matricula(0), Acknowledged.matricula(99));
        assertThat(byClass.get(8)).hasSize(34).contains(Acknowledged.matricula(100));
        assertThat(byClass.get(9)).hasSize(33);
        assertThat(Acknowledged.byClass(List.of(), List.of(1))).containsEntry(1, new long[0]);
    }
}
