package chamada.store.postgres;

import chamada.rollcall.Matricula;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeardCheckIns} against a plain set, over seeded random adds and removes of a few hundred
 * matrículas, so that its table grows and its runs are long enough for removals to move entries back.
 */
class HeardCheckInsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void agreesWithASet_throughAddsAndRemoves(long seed) {
        Random random = new Random(seed);
        HeardCheckIns heard = new HeardCheckIns(HeardCheckIns.UNKNOWN);
        Set<String> model = new HashSet<>();
        for (int step = 0; step < 5_000; step++) {
            String digits = Integer.toString(random.nextInt(400));
            Matricula matricula = new Matricula(random.nextBoolean() ? digits : "0" + digits);
            if (random.nextInt(3) == 0) {
                heard.remove(matricula);
                model.remove(matricula.value());
            } else {
                assertThat(heard.add(matricula, step)).as("add %s at step %d", matricula.value(), step)
                        .isEqualTo(model.add(matricula.value()));
            }
            assertThat(heard.present()).isEqualTo(model.size());
        }
        for (int i = 0; i < 400; i++) {
            for (String digits : new String[] {Integer.toString(i), "0" + i}) {
                assertThat(heard.contains(new Matricula(digits))).as(digits).isEqualTo(model.contains(digits));
            }
        }
    }
}
