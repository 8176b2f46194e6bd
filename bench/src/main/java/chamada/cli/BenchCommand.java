package chamada.cli;

import chamada.bench.ChamadaTarget;
import chamada.bench.Comparison;
import chamada.bench.Flood;
import chamada.bench.FloodPlan;
import chamada.bench.FloodResult;
import chamada.bench.FloodedTarget;
import chamada.bench.HttpTarget;
import chamada.bench.LoadGenerator;
import chamada.bench.LoadPlan;
import chamada.bench.ProcessCpu;
import chamada.bench.RedisTarget;
import chamada.bench.Report;
import chamada.bench.RunResult;
import chamada.bench.SseWatchers;
import chamada.bench.Target;
import chamada.bench.WatchedTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada bench}: closed-loop check-in load against a running Chamada server, a Redis
 * server (the baseline), or both in turn, printing throughput and latency percentiles as a
 * table or JSON, after checking that every acknowledged check-in is counted exactly once.
 *
 * <p>Exits {@link ExitCodes#OK} when every run passed, {@link ExitCodes#REFUSED} when a run had
 * errors or failed the exactly-once check, {@link ExitCodes#UNREACHABLE} when a server cannot
 * be reached or set up. Texts are English only: this is a tool for developers, and its output
 * is quoted in BENCHMARKS.md.
 *
 * <p>The only command of the bench jar ({@link BenchMain}); the server's jar lists it through
 * {@link BenchJarCommand}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure check-ins per second and their latency (closed loop).",
        description = "Opens --classes classes on a Chamada server in open mode (or empties sets class:<id> on Redis),"
                + " then each of --connections connections checks in new matriculas one at a time, waiting for"
                + " each reply, for --warmup then --duration seconds. Prints throughput and latency p50/p99/p99.9/max,"
                + " then checks through status (SCARD on Redis) that every acknowledged check-in is counted exactly"
                + " once; a mismatch fails the run. --target compare runs Chamada then Redis at each number of"
                + " connections and adds the ratios Chamada / Redis. --http sends the check-ins to the web front's"
                + " JSON API over HTTP keep-alive instead; --sse-watchers N keeps N live-view event streams open on the"
                + " classes while the check-ins run. --flood native|legacy|http holds --flood-connections silent or trickling"
                + " connections on that port through each run and reports whether the server closed them within"
                + " --flood-timeout. See BENCHMARKS.md, RELIABILITY.md and bench/compare.sh.")
final class BenchCommand implements Callable<Integer> {

    /** What to drive; lower case because picocli matches the typed value to the constant's name. */
    enum Mode { chamada, redis, compare }

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "chamada|redis|compare", defaultValue = "chamada",
            description = "What to load: chamada, redis, or compare (both, in turn). Default: ${DEFAULT-VALUE}.")
    private Mode mode;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Chamada server host (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", converter = PortConverter.class,
            description = "Chamada server's native port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--also-port", paramLabel = "PORT", converter = PortConverter.class,
            description = "Another node's native port, on the same database as --port; repeat it for several. The"
                    + " check-ins' connections are spread over --port and these, round robin, while the classes are"
                    + " opened, listed and closed through --port: one class's check-ins then reach every node.")
    private List<Integer> alsoPorts = new ArrayList<>();

    @Option(names = "--http",
            description = "Check in through the web front's JSON API (POST /api/v1/classes/{class}/check-ins), one"
                    + " HTTP keep-alive connection per --connections; the table's target reads http. Needs a server"
                    + " with its web front on at --http-port, in open mode, on this machine (the bench opens and closes"
                    + " its classes through the API).")
    private boolean http;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", converter = PortConverter.class,
            description = "Port of the Chamada server's web front, for --http and --sse-watchers"
                    + " (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--sse-watchers", paramLabel = "N", defaultValue = "0",
            description = "Keep N live-view event streams (GET /api/v1/classes/{class}/roll-call/events) open on the"
                    + " classes, round robin, while the check-ins run, as projector pages would; each reads every"
                    + " event, and the run fails unless every stream heard every check-in of its class. Needs the web"
                    + " front at --http-port, as --http does (default: ${DEFAULT-VALUE}).")
    private int sseWatchers;

    @Option(names = "--redis-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Redis host (default: ${DEFAULT-VALUE}).")
    private String redisHost;

    @Option(names = "--redis-port", paramLabel = "PORT", defaultValue = "6379", converter = PortConverter.class,
            description = "Redis port (default: ${DEFAULT-VALUE}).")
    private int redisPort;

    @Option(names = "--connections", paramLabel = "N", split = ",", defaultValue = "50",
            description = "Connections, 1 to 10000; a list runs once per number (default: ${DEFAULT-VALUE}).")
    private List<Integer> connections;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "5", converter = Seconds.class,
            description = "Seconds measured per run (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "1", converter = Seconds.class,
            description = "Seconds of load before measuring (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "10",
            description = "Open classes the check-ins are spread over (default: ${DEFAULT-VALUE}).")
    private int classes;

    @Option(names = "--first-class", paramLabel = "CLASS", defaultValue = "1",
            description = "Id of the first class used; the others follow it (default: ${DEFAULT-VALUE}).")
    private int firstClass;

    @Option(names = "--pause", paramLabel = "SECONDS", defaultValue = "0", converter = Seconds.class,
            description = "Each connection waits this long between a reply and its next check-in;"
                    + " 0 saturates (default: ${DEFAULT-VALUE}).")
    private Duration pause;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", converter = Seconds.class,
            description = "Longest wait for a connection or a reply before counting an error (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "1",
            description = "Rounds per number of connections, added up in the table; with compare, Chamada and"
                    + " Redis take turns going first, so a noisy machine treats both alike (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "Process id of the Chamada server, to report its CPU per check-in (Linux).")
    private Long serverPid;

    @Option(names = "--redis-pid", paramLabel = "PID",
            description = "Process id of the Redis server, to report its CPU per check-in (Linux).")
    private Long redisPid;

    @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "0", converter = Seconds.class,
            description = "Keep the connections open, idle, this long after the measured window, e.g. to look at"
                    + " the server's heap with all of them open (default: ${DEFAULT-VALUE}).")
    private Duration hold;

    @Option(names = "--flood", paramLabel = "native|legacy|http", converter = FloodPortConverter.class,
            description = "Through each Chamada run, hold --flood-connections connections open on this port of the"
                    + " server (native: --port, http: --http-port, legacy: --flood-port), silent or trickling, from"
                    + " --flood-addresses loopback addresses 127.1.0.1, 127.1.0.2...; after the run, wait for the server"
                    + " to close them and print how many it refused early, closed within --flood-timeout, closed late"
                    + " or left open. The run fails if any was closed late or left open. Needs the server on this machine.")
    private FloodPlan.Port flood;

    @Option(names = "--flood-connections", paramLabel = "N", defaultValue = "2000",
            description = "Connections of --flood (default: ${DEFAULT-VALUE}).")
    private int floodConnections;

    @Option(names = "--flood-addresses", paramLabel = "A", defaultValue = "100",
            description = "Loopback source addresses the flood's connections are spread over, round robin; 1 puts them"
                    + " all on one address, to check --max-connections-per-address (default: ${DEFAULT-VALUE}).")
    private int floodAddresses;

    @Option(names = "--flood-style", paramLabel = "silent|trickle", defaultValue = "silent",
            converter = FloodStyleConverter.class,
            description = "What each --flood connection does. silent: sends nothing; trickle: sends a request that"
                    + " never ends, one byte every --flood-trickle seconds (slowloris) (default: ${DEFAULT-VALUE}).")
    private FloodPlan.Style floodStyle;

    @Option(names = "--flood-trickle", paramLabel = "SECONDS", defaultValue = "2", converter = Seconds.class,
            description = "Seconds between two trickled bytes (default: ${DEFAULT-VALUE}).")
    private Duration floodTrickle;

    @Option(names = "--flood-timeout", paramLabel = "SECONDS", converter = Seconds.class,
            description = "The timeout the server has for that port (--idle-timeout, --legacy-idle-timeout, or 30"
                    + " for the web port, whose idle timeout is fixed), which closures are judged by (default:"
                    + " a server's own default for that port: 900 native, 43200 legacy (60 for a trickle, a"
                    + " message's deadline), 30 web).")
    private Duration floodTimeout;

    @Option(names = "--flood-port", paramLabel = "PORT", defaultValue = "5050", converter = PortConverter.class,
            description = "The legacy port for --flood legacy: the roll call's, or the messages' for a trickle that is"
                    + " a header never finished (default: ${DEFAULT-VALUE}).")
    private int floodPort;

    @Option(names = "--json", description = "Print one JSON document instead of tables.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LoadPlan> plans = plans();
        List<RunResult> runs = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        floods.clear();
        for (LoadPlan plan : plans) {
            List<RunResult> chamada = new ArrayList<>();
            List<RunResult> redis = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                boolean chamadaFirst = round % 2 == 0;
                if (mode != Mode.redis && chamadaFirst) {
                    chamada.add(run(http ? "http" : "chamada", () -> chamada(plan), serverPid, plan, err));
                }
                if (mode != Mode.chamada) {
                    redis.add(run("redis", this::redis, redisPid, plan, err));
                }
                if (mode != Mode.redis && !chamadaFirst) {
                    chamada.add(run(http ? "http" : "chamada", () -> chamada(plan), serverPid, plan, err));
                }
            }
            if (!chamada.isEmpty()) {
                runs.add(RunResult.combine(chamada));
            }
            if (!redis.isEmpty()) {
                runs.add(RunResult.combine(redis));
            }
            if (mode == Mode.compare) {
                comparisons.add(new Comparison(runs.get(runs.size() - 2), runs.getLast()));
            }
        }
        if (json) {
            out.println(Report.json(runs, comparisons));
        } else {
            out.print(Report.runs(runs));
            if (!comparisons.isEmpty()) {
                out.println();
                out.print(Report.comparisons(comparisons));
            }
        }
        // A JSON document stays one document: the floods' lines then go with the problems.
        floods.forEach(result -> (json ? err : out).println(result.line()));
        out.flush();
        err.print(Report.problems(runs));
        err.flush();
        return runs.stream().allMatch(RunResult::passed) && floods.stream().allMatch(FloodResult::held)
                ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    /** What each flooded run's flood saw, in the order of the runs. */
    private final List<FloodResult> floods = new ArrayList<>();

    private List<LoadPlan> plans() {
        if (rounds < 1 || rounds > 100) {
            throw new CommandFailure(ExitCodes.USAGE, "chamada bench: --rounds must be from 1 to 100, got " + rounds);
        }
        if (sseWatchers < 0 || sseWatchers > SseWatchers.MAX_STREAMS) {
            throw new CommandFailure(ExitCodes.USAGE, "chamada bench: --sse-watchers must be from 0 to "
                    + SseWatchers.MAX_STREAMS + ", got " + sseWatchers);
        }
        if (mode == Mode.redis && (http || sseWatchers > 0)) {
            throw new CommandFailure(ExitCodes.USAGE,
                    "chamada bench: --http and --sse-watchers are for Chamada: use --target chamada or compare");
        }
        if (mode != Mode.chamada && flood != null) {
            throw new CommandFailure(ExitCodes.USAGE, "chamada bench: --flood is for Chamada alone: use --target chamada");
        }
        try {
            if (flood != null) {
                floodPlan();
            }
            List<LoadPlan> plans = new ArrayList<>();
            for (int n : connections) {
                plans.add(new LoadPlan(n, warmup, duration, classes, firstClass, pause, timeout, hold));
            }
            return plans;
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, "chamada bench: " + e.getMessage(), e);
        }
    }

    /** Makes the target of one run; it is closed after the run. */
    @FunctionalInterface
    private interface Opener {
        Target open() throws IOException;
    }

    private RunResult run(String name, Opener opener, Long pid, LoadPlan plan, PrintWriter err)
            throws InterruptedException {
        try (Target target = opener.open()) {
            err.printf(Locale.ROOT, "bench: %s, %d connections, %d classes%s, %.1f s warm-up + %.1f s...%n", name,
                    plan.connections(), plan.classes(),
                    target instanceof WatchedTarget ? ", " + sseWatchers + " sse watchers" : "",
                    plan.warmup().toMillis() / 1000.0, plan.duration().toMillis() / 1000.0);
            err.flush();
            Optional<Duration> cpuBefore = pid == null ? Optional.empty() : ProcessCpu.of(pid);
            RunResult result = LoadGenerator.run(target, plan, () -> {
                err.printf(Locale.ROOT, "bench: holding %d connections open for %.1f s%n", plan.connections(),
                        plan.hold().toMillis() / 1000.0);
                err.flush();
            });
            Target measured = target;
            if (target instanceof FloodedTarget flooded) {
                flooded.result().ifPresent(floods::add);
                measured = flooded.inner();
            }
            if (measured instanceof WatchedTarget watched) {
                result = result.withWatchers(watched.result());
            }
            return result.withServerCpu(cpuBefore.flatMap(before -> ProcessCpu.of(pid).map(after -> after.minus(before))));
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.UNREACHABLE, "chamada bench: " + name + ": " + e.getMessage(), e);
        }
    }

    /** Chamada over its native port or, with --http, its web front; with --sse-watchers, watched. */
    private Target chamada(LoadPlan plan) throws IOException {
        Target target = http ? HttpTarget.start(host, httpPort, timeout, plan.connections())
                : new ChamadaTarget(host, port, alsoPorts, timeout);
        if (sseWatchers > 0) {
            try {
                target = new WatchedTarget(target, SseWatchers.start(host, httpPort, timeout, sseWatchers));
            } catch (IOException | RuntimeException e) {
                target.close();
                throw e;
            }
        }
        return flood == null ? target : new FloodedTarget(target, new Flood(floodPlan(), timeout));
    }

    FloodPlan floodPlan() {
        int number = switch (flood) {
            case NATIVE -> port;
            case LEGACY -> floodPort;
            case HTTP -> httpPort;
        };
        return new FloodPlan(flood, host, number, floodConnections, floodAddresses, floodStyle, floodTrickle,
                floodTimeout != null ? floodTimeout : flood.serverDefaultTimeout(floodStyle));
    }

    /** Reads {@code native}, {@code legacy} or {@code http}. */
    static final class FloodPortConverter implements ITypeConverter<FloodPlan.Port> {
        @Override
        public FloodPlan.Port convert(String value) {
            try {
                return FloodPlan.Port.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("native, legacy or http, got \"" + value + "\"");
            }
        }
    }

    /** Reads {@code silent} or {@code trickle}. */
    static final class FloodStyleConverter implements ITypeConverter<FloodPlan.Style> {
        @Override
        public FloodPlan.Style convert(String value) {
            try {
                return FloodPlan.Style.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("silent or trickle, got \"" + value + "\"");
            }
        }
    }

    private Target redis() {
        return new RedisTarget(redisHost, redisPort, timeout);
    }

    /** Reads a number of seconds, fractions allowed, as a {@link Duration}. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                double seconds = Double.parseDouble(value);
                if (seconds >= 0 && seconds <= 86_400) {
                    return Duration.ofNanos(Math.round(seconds * 1e9));
                }
            } catch (NumberFormatException e) {
                // Said below.
            }
            throw new TypeConversionException("a number of seconds from 0 to 86400, got \"" + value + "\"");
        }
    }
}
