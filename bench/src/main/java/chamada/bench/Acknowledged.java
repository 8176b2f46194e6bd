package chamada.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The check-ins one loop's connections saw acknowledged as new, by sequence number: check-in
 * {@code n} is matrícula {@link #matricula(long) MATRICULA_BASE + n} into class
 * {@code classIds[n % classes]}, so one number per check-in is all there is to keep.
 *
 * <p>Used by one loop's thread ({@link LoopTally}), then read by the generator once the run is over.
 */
final class Acknowledged {

    /** Matrículas are this plus the check-in's sequence number: 11 digits, unique within a run. */
    static final long MATRICULA_BASE = 10_000_000_000L;

    private long[] numbers = new long[64];
    private int size;

    static long matricula(long sequence) {
        return MATRICULA_BASE + sequence;
    }

    void add(long sequence) {
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        numbers[size++] = sequence;
    }

    int size() {
        return size;
    }

    /** Per class, the matrículas acknowledged by every connection; every class is present, maybe empty. */
    static Map<Integer, long[]> byClass(List<Acknowledged> all, List<Integer> classIds) {
        int classes = classIds.size();
        int[] perClass = new int[classes];
        for (Acknowledged a : all) {
            for (int i = 0; i < a.size; i++) {
                perClass[(int) (a.numbers[i] % classes)]++;
            }
        }
        long[][] matriculas = new long[classes][];
        for (int c = 0; c < classes; c++) {
            matriculas[c] = new long[perClass[c]];
        }
        int[] filled = new int[classes];
        for (Acknowledged a : all) {
            for (int i = 0; i < a.size; i++) {
                int c = (int) (a.numbers[i] % classes);
                matriculas[c][filled[c]++] = matricula(a.numbers[i]);
            }
        }
        Map<Integer, long[]> byClass = new HashMap<>();
        for (int c = 0; c < classes; c++) {
            byClass.put(classIds.get(c), matriculas[c]);
        }
        return byClass;
    }
}
