package chamada.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * Turns results into what {@code chamada bench} prints: aligned tables for people, or one
 * JSON document with the same numbers for scripts. Latencies are in milliseconds.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    /**
     * One row per run. {@code cpu us/op} is the server process's CPU time over the whole run
     * divided by the check-ins it counts, when its process id was given.
     */
    public static String runs(List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-8s %11s %7s %12s %8s %8s %9s %8s %10s %6s %10s  %s%n",
                "target", "connections", "classes", "check-ins/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "check-ins", "errors", "cpu us/op", "exactly-once"));
        for (RunResult run : runs) {
            LatencySummary l = run.latency();
            out.append(String.format(Locale.ROOT, "%-8s %11d %7d %12.0f %8.2f %8.2f %9.2f %8.2f %10d %6d %10s  %s%n",
                    run.target(), run.plan().connections(), run.plan().classes(), run.throughput(),
                    LatencySummary.millis(l.p50()), LatencySummary.millis(l.p99()), LatencySummary.millis(l.p999()),
                    LatencySummary.millis(l.max()), run.checkIns(), run.errors(),
                    run.serverCpuMicrosPerCheckIn().map(us -> String.format(Locale.ROOT, "%.0f", us)).orElse("-"),
                    verdict(run.exactlyOnce())));
        }
        for (RunResult run : runs) {
            run.watchers().ifPresent(w -> out.append(String.format(Locale.ROOT,
                    "sse watchers (%s, %d connections): %d streams on %d classes, %d of %d check-in events heard,"
                            + " %.1f MB read: %s%n",
                    run.target(), run.plan().connections(), w.streams(), w.classes(), w.checkins(), w.expected(),
                    w.bytes() / 1e6, w.ok() ? "ok" : "FAILED")));
        }
        return out.toString();
    }

    /** One row per number of connections, Chamada beside Redis, with the ratios. */
    public static String comparisons(List<Comparison> comparisons) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%11s %12s %12s %8s %13s %13s %9s  %s%n",
                "connections", "chamada/s", "redis/s", "ratio", "chamada p99", "redis p99", "p99 ratio", "targets"));
        for (Comparison c : comparisons) {
            out.append(String.format(Locale.ROOT, "%11d %12.0f %12.0f %8.2f %10.2f ms %10.2f ms %9.2f  %s%n",
                    c.connections(), c.chamada().throughput(), c.redis().throughput(), c.throughputRatio(),
                    LatencySummary.millis(c.chamada().latency().p99()), LatencySummary.millis(c.redis().latency().p99()),
                    c.p99Ratio(), c.targetsMet() ? "met" : "NOT met"));
        }
        return out.toString();
    }

    /** Problems worth a line each: errors and failed checks. */
    public static String problems(List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        for (RunResult run : runs) {
            String where = run.target() + " at " + run.plan().connections() + " connections: ";
            run.firstError().ifPresent(e -> out.append(where).append(run.errors()).append(" errors, the first: ")
                    .append(e).append('\n'));
            run.exactlyOnce().problems().forEach(p -> out.append(where).append(p).append('\n'));
            run.watchers().ifPresent(w -> w.problems().forEach(p -> out.append(where).append(p).append('\n')));
        }
        return out.toString();
    }

    /** Everything as one JSON document: {@code {"runs":[...],"comparisons":[...]}}. */
    public static String json(List<RunResult> runs, List<Comparison> comparisons) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode runNodes = root.putArray("runs");
        runs.forEach(run -> runNodes.add(run(run)));
        ArrayNode comparisonNodes = root.putArray("comparisons");
        for (Comparison c : comparisons) {
            ObjectNode node = comparisonNodes.addObject();
            node.put("connections", c.connections());
            node.put("chamada_per_second", round(c.chamada().throughput()));
            node.put("redis_per_second", round(c.redis().throughput()));
            node.put("throughput_ratio", round(c.throughputRatio()));
            node.put("chamada_p99_ms", LatencySummary.millis(c.chamada().latency().p99()));
            node.put("redis_p99_ms", LatencySummary.millis(c.redis().latency().p99()));
            node.put("p99_ratio", round(c.p99Ratio()));
            node.put("targets_met", c.targetsMet());
        }
        return root.toPrettyString();
    }

    private static ObjectNode run(RunResult run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("target", run.target());
        node.put("connections", run.plan().connections());
        node.put("classes", run.plan().classes());
        node.put("rounds", Math.round((double) run.measured().toMillis() / Math.max(1, run.plan().duration().toMillis())));
        node.put("warmup_s", run.plan().warmup().toMillis() / 1000.0);
        node.put("duration_s", run.measured().toMillis() / 1000.0);
        node.put("pause_ms", run.plan().pause().toMillis());
        node.put("check_ins", run.checkIns());
        node.put("per_second", round(run.throughput()));
        LatencySummary l = run.latency();
        ObjectNode latency = node.putObject("latency_ms");
        latency.put("p50", LatencySummary.millis(l.p50()));
        latency.put("p99", LatencySummary.millis(l.p99()));
        latency.put("p99_9", LatencySummary.millis(l.p999()));
        latency.put("max", LatencySummary.millis(l.max()));
        node.put("errors", run.errors());
        run.serverCpuMicrosPerCheckIn().ifPresent(us -> node.put("server_cpu_us_per_check_in", round(us)));
        run.firstError().ifPresent(e -> node.put("first_error", e));
        ExactlyOnce check = run.exactlyOnce();
        ObjectNode exactlyOnce = node.putObject("exactly_once");
        exactlyOnce.put("ok", check.ok());
        exactlyOnce.put("acknowledged", check.acknowledged());
        exactlyOnce.put("counted", check.counted());
        exactlyOnce.put("in_doubt", check.inDoubt());
        check.problems().forEach(exactlyOnce.putArray("problems")::add);
        run.watchers().ifPresent(w -> {
            ObjectNode watchers = node.putObject("sse_watchers");
            watchers.put("streams", w.streams());
            watchers.put("classes", w.classes());
            watchers.put("checkin_events", w.checkins());
            watchers.put("expected_events", w.expected());
            watchers.put("bytes", w.bytes());
            watchers.put("ok", w.ok());
            w.problems().forEach(watchers.putArray("problems")::add);
        });
        node.put("passed", run.passed());
        return node;
    }

    private static String verdict(ExactlyOnce check) {
        return check.ok() ? "ok (" + check.counted() + " counted)"
                : "FAILED (" + check.acknowledged() + " acknowledged, " + check.counted() + " counted)";
    }

    /** Two decimals; NaN (a ratio over zero) as 0, since JSON has no NaN. */
    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
    }
}
