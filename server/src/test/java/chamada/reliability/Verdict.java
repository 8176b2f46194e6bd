package chamada.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * What checking the store against the ledgers found: how many acknowledged and unanswered writes
 * were checked, how many unanswered ones the store kept, each problem by kind, described, and the
 * oddities: what is kept, but not as one would expect (a check-in stamped before its roll call's
 * opening), which the campaign reports without failing.
 */
record Verdict(long acknowledged, long uncertain, long uncertainKept, List<String> lost, List<String> duplicates,
               List<String> unexplained, List<String> oddities) {

    Verdict {
        lost = List.copyOf(lost);
        duplicates = List.copyOf(duplicates);
        unexplained = List.copyOf(unexplained);
        oddities = List.copyOf(oddities);
    }

    static Verdict none() {
        return new Verdict(0, 0, 0, List.of(), List.of(), List.of(), List.of());
    }

    Verdict plus(Verdict other) {
        return new Verdict(acknowledged + other.acknowledged, uncertain + other.uncertain,
                uncertainKept + other.uncertainKept, joined(lost, other.lost), joined(duplicates, other.duplicates),
                joined(unexplained, other.unexplained), joined(oddities, other.oddities));
    }

    boolean clean() {
        return lost.isEmpty() && duplicates.isEmpty() && unexplained.isEmpty();
    }

    private static List<String> joined(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }
}
