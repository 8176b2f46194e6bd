package chamada.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The server jar's {@code chamada bench}: a pointer to the benchmark, which is a jar of its own
 * ({@value #JAR}) so that the server's jar and start-up carry none of it. The launcher runs that
 * jar for {@code ./chamada bench}; this only lists the command in {@code chamada --help} and
 * answers whoever runs the server jar with {@code bench} directly. Texts are English only, like
 * the bench's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure check-ins per second and their latency (closed loop).",
        description = "The benchmark is a jar of its own, " + BenchJarCommand.JAR + ": ./chamada bench builds it"
                + " when needed and runs it; ./chamada bench --help lists its options. See BENCHMARKS.md.")
final class BenchJarCommand implements Callable<Integer> {

    /** Where the bench module puts its jar, relative to the repository's top; the launcher runs it from there. */
    static final String JAR = "target/chamada-bench.jar";

    /** Whatever options were meant for the bench: they change nothing here. */
    @Unmatched
    private List<String> benchArguments;

    @Override
    public Integer call() {
        throw new CommandFailure(ExitCodes.USAGE, "chamada bench runs from its own jar, " + JAR
                + ": use ./chamada bench, which builds it when needed, or java -jar " + JAR + " bench ...");
    }
}
