package chamada.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the live-view watchers of a run ({@code --sse-watchers}) heard: how many event streams
 * were open on the bench's classes while the check-ins ran, and whether every check-in made in
 * a class reached each of its streams.
 *
 * @param streams   event streams asked for
 * @param classes   classes they were spread over
 * @param checkins  {@code event: checkin} lines read, every stream together
 * @param expected  check-ins acknowledged in each stream's class, every stream together: what
 *                  {@code checkins} should be, give or take the check-ins in doubt
 * @param bytes     bytes read from every stream
 * @param problems  what went wrong (a stream refused, dropped before its class closed, or short of
 *                  events), for people; empty when every stream heard every check-in and the close
 */
public record WatchResult(int streams, int classes, long checkins, long expected, long bytes, List<String> problems) {

    /** At most this many problems are described; the counts say the rest. */
    static final int MAX_PROBLEMS = 10;

    public WatchResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Rounds of the same run added up. */
    static WatchResult combine(List<WatchResult> rounds) {
        WatchResult first = rounds.getFirst();
        long checkins = 0;
        long expected = 0;
        long bytes = 0;
        List<String> problems = new ArrayList<>();
        for (WatchResult round : rounds) {
            checkins += round.checkins();
            expected += round.expected();
            bytes += round.bytes();
            problems.addAll(round.problems());
        }
        return new WatchResult(first.streams(), first.classes(), checkins, expected, bytes, problems);
    }
}
