package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compact roll call answers as the map of check-ins it replaced: random arrivals, removals
 * and replacements (a removal, then an arrival), over matrículas that share digits, lengths and
 * leading zeros, are applied to both, and every answer compared.
 */
class ArrivalsTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.ofHours(-3));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void answersAsAMapOfCheckIns(long seed) {
        Random random = new Random(seed);
        Arrivals arrivals = new Arrivals();
        LinkedHashMap<Matricula, CheckIn> model = new LinkedHashMap<>();
        for (int step = 0; step < 5_000; step++) {
            Matricula matricula = matricula(random);
            if (model.containsKey(matricula) && random.nextInt(3) == 0) {
                arrivals.remove(matricula);
                model.remove(matricula);
                Matricula replacement = matricula(random);
                if (!model.containsKey(replacement) && random.nextBoolean()) {
                    CheckIn checkIn = checkIn(random, replacement, step);
                    arrivals.add(checkIn);
                    model.put(replacement, checkIn);
                }
            } else if (!model.containsKey(matricula)) {
                CheckIn checkIn = checkIn(random, matricula, step);
                arrivals.add(checkIn);
                model.put(matricula, checkIn);
            }
            Matricula asked = matricula(random);
            assertThat(arrivals.at(asked)).as("step %d, %s", step, asked)
                    .isEqualTo(Optional.ofNullable(model.get(asked)).map(CheckIn::at));
            assertThat(arrivals.size()).isEqualTo(model.size());
            if (step % 500 == 0) {
                assertThat(arrivals.inOrder()).containsExactlyElementsOf(new ArrayList<>(model.values()));
            }
        }
        assertThat(arrivals.inOrder()).containsExactlyElementsOf(new ArrayList<>(model.values()));
    }

    @Test
    void aMatriculaTakenOutAndBackArrivesLast() {
        Arrivals arrivals = new Arrivals();
        CheckIn first = new CheckIn(new Matricula("042191010"), START);
        CheckIn second = new CheckIn(new Matricula("42191010"), START.plusSeconds(1));
        arrivals.add(first);
        arrivals.add(second);
        arrivals.remove(first.matricula());
        CheckIn again = new CheckIn(first.matricula(), START.plusSeconds(2), Optional.of(new DeviceId("phone-of-student-0001")));
        arrivals.add(again);

        assertThat(arrivals.inOrder()).containsExactly(second, again);
        assertThat(arrivals.at(first.matricula())).contains(again.at());
    }

    @Test
    void matriculasWithTheSameHash_areTwoStudents() {
        Matricula one = new Matricula("2433122653");
        Matricula other = new Matricula("4081718310193366402");
        assertThat(one.value().hashCode()).isEqualTo(other.value().hashCode());
        Arrivals arrivals = new Arrivals();
        arrivals.add(new CheckIn(one, START));
        arrivals.add(new CheckIn(other, START.plusSeconds(1)));

        assertThat(arrivals.at(one)).contains(START);
        assertThat(arrivals.at(other)).contains(START.plusSeconds(1));
        arrivals.remove(one);
        assertThat(arrivals.at(one)).isEmpty();
        assertThat(arrivals.at(other)).contains(START.plusSeconds(1));
    }

    @Test
    void addingAPresentMatriculaOrRemovingAnAbsentOne_isRefusedAndChangesNothing() {
        Arrivals arrivals = new Arrivals();
        CheckIn checkIn = new CheckIn(new Matricula("7"), START);
        arrivals.add(checkIn);

        assertThatThrownBy(() -> arrivals.add(new CheckIn(new Matricula("7"), START.plusSeconds(1))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> arrivals.remove(new Matricula("8"))).isInstanceOf(IllegalStateException.class);
        assertThat(arrivals.inOrder()).containsExactly(checkIn);
    }

    @Test
    void aPhoneReplacingAgainAndAgain_keepsTheClassRight() {
        Arrivals arrivals = new Arrivals();
        CheckIn stays = new CheckIn(new Matricula("1"), START);
        arrivals.add(stays);
        CheckIn last = new CheckIn(new Matricula("100000"), START);
        arrivals.add(last);
        for (int i = 1; i < 10_000; i++) {
            arrivals.remove(last.matricula());
            last = new CheckIn(new Matricula(Integer.toString(100_000 + i)), START.plusNanos(i * 1_000_000L));
            arrivals.add(last);
        }
        assertThat(arrivals.inOrder()).containsExactly(stays, last);
        assertThat(arrivals.at(new Matricula("100000"))).isEmpty();
    }

    /** Few digits and a small alphabet, so that matrículas repeat, collide and differ only by leading zeros. */
    private static Matricula matricula(Random random) {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? Matricula.MAX_DIGITS : 4);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(3)));
        }
        return new Matricula(digits.toString());
    }

    private static CheckIn checkIn(Random random, Matricula matricula, int step) {
        ZoneOffset offset = random.nextBoolean() ? ZoneOffset.ofHours(-3) : ZoneOffset.UTC;
        OffsetDateTime at = START.plusNanos(step * 1_000_000L).withOffsetSameInstant(offset);
        Optional<DeviceId> device = random.nextBoolean() ? Optional.empty() : Optional.of(new DeviceId("device-of-step-" + step));
        return new CheckIn(matricula, at, device);
    }

    @Test
    void keepsEveryStudentOfALargeClassInOrder() {
        Arrivals arrivals = new Arrivals();
        List<CheckIn> expected = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            CheckIn checkIn = new CheckIn(new Matricula(Integer.toString(i)), START.plusNanos(i * 1_000_000L));
            arrivals.add(checkIn);
            expected.add(checkIn);
        }
        assertThat(arrivals.inOrder()).isEqualTo(expected);
        assertThat(arrivals.at(new Matricula("99999"))).contains(expected.get(99_999).at());
        assertThat(arrivals.at(new Matricula("099999"))).isEmpty();
    }
}
