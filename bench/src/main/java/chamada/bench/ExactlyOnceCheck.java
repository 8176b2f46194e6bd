package chamada.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares what the server acknowledged during a run with what it counts at the end.
 *
 * <p>An acknowledged check-in must be counted once: never missing, never twice. A check-in
 * whose reply was lost may or may not have been made, so the count may exceed the
 * acknowledged ones by at most the number of such check-ins in doubt. With the members at
 * hand (Chamada's {@code status} lists them) the check is per student; with only counts
 * (Redis's {@code SCARD}) it is per class.
 *
 * <p>Pure functions of their arguments.
 */
public final class ExactlyOnceCheck {

    /** At most this many problems are described; the counts say the rest. */
    static final int MAX_PROBLEMS = 10;

    private ExactlyOnceCheck() {
    }

    /**
     * Checks by member: for each class, the matrículas acknowledged as newly registered and
     * those the server lists as present (in any order).
     */
    public static ExactlyOnce members(Map<Integer, long[]> acknowledged, Map<Integer, long[]> present, long inDoubt) {
        List<String> problems = new ArrayList<>();
        long acked = 0;
        long counted = 0;
        long unexpected = 0;
        for (int classId : classes(acknowledged, present)) {
            long[] ack = sorted(acknowledged.getOrDefault(classId, new long[0]));
            long[] listed = sorted(present.getOrDefault(classId, new long[0]));
            acked += ack.length;
            counted += listed.length;
            for (int i = 1; i < ack.length; i++) {
                if (ack[i] == ack[i - 1]) {
                    note(problems, "class " + classId + ": matrícula " + ack[i] + " acknowledged as new twice");
                }
            }
            for (int i = 1; i < listed.length; i++) {
                if (listed[i] == listed[i - 1]) {
                    note(problems, "class " + classId + ": matrícula " + listed[i] + " counted twice");
                }
            }
            for (long matricula : ack) {
                if (Arrays.binarySearch(listed, matricula) < 0) {
                    note(problems, "class " + classId + ": acknowledged matrícula " + matricula + " is missing");
                }
            }
            for (long matricula : listed) {
                if (Arrays.binarySearch(ack, matricula) < 0) {
                    unexpected++;
                }
            }
        }
        if (unexpected > inDoubt) {
            note(problems, unexpected + " check-ins counted but never acknowledged, more than the " + inDoubt
                    + " in doubt");
        }
        return new ExactlyOnce(problems.isEmpty(), acked, counted, inDoubt, problems);
    }

    /** Checks by count: for each class, how many were acknowledged as new and how many the server counts. */
    public static ExactlyOnce counts(Map<Integer, Long> acknowledged, Map<Integer, Long> counted, long inDoubt) {
        List<String> problems = new ArrayList<>();
        long acked = 0;
        long total = 0;
        long surplus = 0;
        for (int classId : classes(acknowledged, counted)) {
            long a = acknowledged.getOrDefault(classId, 0L);
            long c = counted.getOrDefault(classId, 0L);
            acked += a;
            total += c;
            if (c < a) {
                note(problems, "class " + classId + ": " + a + " acknowledged but only " + c + " counted");
            } else {
                surplus += c - a;
            }
        }
        if (surplus > inDoubt) {
            note(problems, surplus + " check-ins counted but never acknowledged, more than the " + inDoubt
                    + " in doubt");
        }
        return new ExactlyOnce(problems.isEmpty(), acked, total, inDoubt, problems);
    }

    private static TreeSet<Integer> classes(Map<Integer, ?> a, Map<Integer, ?> b) {
        TreeSet<Integer> classes = new TreeSet<>(a.keySet());
        classes.addAll(b.keySet());
        return classes;
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("… and more");
        }
    }
}
