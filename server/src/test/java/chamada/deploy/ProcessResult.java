package chamada.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a command run to its end said (stdout and stderr together) and its exit code. Commands
 * run with only the environment given, as a service or a new login would: in particular no
 * {@code JAVA_HOME}, and a {@code PATH} with no JDK on it.
 */
record ProcessResult(int exit, String output) {

    /** The system's folders only; Debian's JDKs are not among them, only its {@code java} link, if any. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Runs {@code command} with {@code PATH}, {@code LANG=C.UTF-8} and {@code env}, failing past {@code timeout}. */
    static ProcessResult run(Duration timeout, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        // Into a file rather than a pipe: a command that hangs must not hang the reading too.
        Path log = Files.createTempFile("chamada-command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(Map.of("PATH", PATH, "LANG", "C.UTF-8"));
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("%s ended within %s; it said:%n%s", command, timeout, output).isTrue();
            return new ProcessResult(process.exitValue(), output);
        } finally {
            Files.delete(log);
        }
    }

    static ProcessResult run(Duration timeout, String... command) throws IOException, InterruptedException {
        return run(timeout, Map.of(), List.of(command));
    }

    /** This result, after checking that the command succeeded (the assertion shows what it said). */
    ProcessResult succeeded() {
        assertThat(exit).as("exit code; the command said:%n%s", output).isZero();
        return this;
    }
}
