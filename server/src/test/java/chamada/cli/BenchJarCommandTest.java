package chamada.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server jar's {@code chamada bench} only says where the bench is. */
class BenchJarCommandTest {

    @Test
    void bench_inTheServerJar_namesTheBenchJarAndIsUsageError() {
        CliRunner.Result result = new CliRunner().run("bench", "--port", "7070", "--connections", "1,50");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("./chamada bench", BenchJarCommand.JAR);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void help_top_listsBench() {
        CliRunner.Result result = new CliRunner().run("--help");

        assertThat(result.out()).containsPattern("bench\\s+Measure check-ins per second");
    }
}
