package chamada.bench;

import java.util.List;

/**
 * The verdict of the exactly-once check: whether the server counts every acknowledged
 * check-in exactly once.
 *
 * @param acknowledged check-ins the server acknowledged as newly registered
 * @param counted      check-ins the server counts when asked at the end
 * @param inDoubt      check-ins sent whose reply never came (an error or a timeout): the server
 *                     may or may not have made them, so each may add one to {@code counted}
 * @param problems     what is wrong, for people; empty when {@code ok}
 */
public record ExactlyOnce(boolean ok, long acknowledged, long counted, long inDoubt, List<String> problems) {

    public ExactlyOnce {
        problems = List.copyOf(problems);
        if (ok != problems.isEmpty()) {
            throw new IllegalArgumentException("a verdict is ok exactly when it has no problems: " + problems);
        }
    }
}
