package chamada.reliability;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.awaitility.Awaitility.await;

/**
 * The kill -9 campaign of RELIABILITY.md: round after round, a load of check-ins, opens, closes and
 * corrections on a server, a SIGKILL at a moment the round's seed draws, a restart on the same
 * store, and every class of every round so far read back and held against what was acknowledged.
 * The short test and {@code reliability/kill9} both run it; only the sizes differ.
 *
 * <p>Each round has its own classes, so a round's teachers start from classes no crash has
 * touched; the classes of the rounds before are checked again after every restart.
 */
final class Kill9Campaign {

    /** A class no round uses, written to after a restart to see that the server takes writes again. */
    private static final ClassId PROBE = new ClassId(2_000_000_000);
    private static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(2);

    /**
     * The sizes of a campaign. {@code seed} is the first round's own seed and draws the later
     * rounds' seeds, each printed on its round's line: a campaign of one round given a printed seed
     * replays that round.
     */
    record Plan(String name, int rounds, int connections, long seed, Duration killAfterMin, Duration killAfterMax,
                Optional<Path> figures) {

        int classes() {
            return Math.max(2, connections / 50);
        }
    }

    /** A campaign's result: every round's verdict summed, and each round's figures. */
    record Result(Verdict verdict, long oddities, List<Round> rounds) {

        long acknowledgedInRounds() {
            return rounds.stream().mapToLong(Round::acknowledged).sum();
        }
    }

    /** One round's figures, as RELIABILITY.md's table sums them up. */
    record Round(long acknowledged, long unanswered, long kept, Duration servingAgain, Duration took) {
    }

    private Kill9Campaign() {
    }

    static Result run(Plan plan, Target target) throws Exception {
        SplittableRandom seeds = new SplittableRandom(plan.seed());
        List<ClassLedger> every = new ArrayList<>();
        Verdict last = Verdict.none();
        long oddities = 0;
        List<Round> rounds = new ArrayList<>();
        report(plan, String.format(Locale.ROOT, "kill9 %s: %d rounds, %d connections, %d classes a round, seed %d",
                plan.name(), plan.rounds(), plan.connections(), plan.classes(), plan.seed()));
        for (int round = 1; round <= plan.rounds(); round++) {
            long seed = round == 1 ? plan.seed() : seeds.nextLong();
            long start = System.nanoTime();
            List<ClassLedger> classes = new ArrayList<>();
            for (int c = 1; c <= plan.classes(); c++) {
                classes.add(new ClassLedger(new ClassId(round * 1_000 + c)));
            }
            SplittableRandom random = new SplittableRandom(seed);
            long killAfter = random.nextLong(plan.killAfterMin().toMillis(), plan.killAfterMax().toMillis() + 1);
            Duration outage = Target.outage(target, random);
            Load load = Load.start(target.port(), round, classes, plan.connections(), random.split());
            load.awaitConnected();
            Thread.sleep(killAfter);
            target.kill();
            long killed = System.nanoTime();
            if (target.serverSurvives()) {
                Thread.sleep(outage.toMillis());
                target.restart();
                load.stop();
            } else {
                load.stop();
                target.restart();
            }
            awaitWrites(target.port());
            long serving = System.nanoTime();
            classes.forEach(ledger -> ledger.toCorrect.clear());
            Verdict thisRound = check(target.port(), classes);
            Verdict verdict = check(target.port(), every).plus(thisRound);
            every.addAll(classes);
            oddities += thisRound.oddities().size();
            last = verdict;
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            rounds.add(new Round(thisRound.acknowledged(), thisRound.uncertain(), thisRound.uncertainKept(),
                    Duration.ofNanos(serving - killed), took));
            report(plan, String.format(Locale.ROOT, "kill9 %s round %d/%d seed %d: killed after %d ms%s,"
                            + " acknowledged %d, unanswered %d (kept %d), serving again after %.1f s, all %d rounds'"
                            + " classes checked (%d acknowledged writes): lost %d, duplicates %d, unexplained %d,"
                            + " oddities %d; round %.1f s",
                    plan.name(), round, plan.rounds(), seed, killAfter,
                    target.serverSurvives() ? " (database down " + outage.toMillis() + " ms)" : "",
                    thisRound.acknowledged(), thisRound.uncertain(), thisRound.uncertainKept(),
                    (serving - killed) / 1e9, round, verdict.acknowledged(), verdict.lost().size(),
                    verdict.duplicates().size(), verdict.unexplained().size(), thisRound.oddities().size(),
                    took.toMillis() / 1e3));
            thisRound.oddities().forEach(oddity -> report(plan, "  oddity: " + oddity));
            if (!verdict.clean()) {
                verdict.lost().forEach(problem -> report(plan, "  lost: " + problem));
                verdict.duplicates().forEach(problem -> report(plan, "  duplicate: " + problem));
                verdict.unexplained().forEach(problem -> report(plan, "  unexplained: " + problem));
                break;
            }
        }
        Result result = new Result(last, oddities, rounds);
        report(plan, summary(plan, result));
        return result;
    }

    /** The figures of RELIABILITY.md's table, in its order, so that nobody sums the round lines by hand. */
    private static String summary(Plan plan, Result result) {
        List<Round> rounds = result.rounds();
        List<Duration> times = rounds.stream().map(Round::took).sorted().toList();
        LongSummaryStatistics acknowledged = rounds.stream().mapToLong(Round::acknowledged).summaryStatistics();
        LongSummaryStatistics serving = rounds.stream().mapToLong(r -> r.servingAgain().toMillis()).summaryStatistics();
        return String.format(Locale.ROOT, "kill9 %s done: %d rounds, %d acknowledged writes (each checked after every"
                        + " later restart too), a round's %d to %d, %d unanswered (kept %d), lost %d, duplicates %d,"
                        + " unexplained %d, oddities %d; from SIGKILL to a write taken again %.1f to %.1f s, mean"
                        + " %.1f s; round time median %.1f s, max %.1f s",
                plan.name(), rounds.size(), acknowledged.getSum(), acknowledged.getMin(), acknowledged.getMax(),
                rounds.stream().mapToLong(Round::unanswered).sum(), rounds.stream().mapToLong(Round::kept).sum(),
                result.verdict().lost().size(), result.verdict().duplicates().size(),
                result.verdict().unexplained().size(), result.oddities(),
                serving.getMin() / 1e3, serving.getMax() / 1e3, serving.getAverage() / 1e3,
                times.isEmpty() ? 0 : times.get(times.size() / 2).toMillis() / 1e3,
                times.isEmpty() ? 0 : times.getLast().toMillis() / 1e3);
    }

    private static Verdict check(int port, List<ClassLedger> classes) {
        Verdict verdict = Verdict.none();
        try (ChamadaClient teacher = connect(port)) {
            for (ClassLedger ledger : classes) {
                verdict = verdict.plus(Checker.check(teacher, ledger));
            }
        }
        return verdict;
    }

    /** Waits until the server takes a write again: an open and a close of the probe class. */
    private static void awaitWrites(int port) {
        await().atMost(RECOVERY_DEADLINE).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            try (ChamadaClient probe = connect(port)) {
                Response opened = probe.open(PROBE);
                return probe.close(PROBE) instanceof Response.RollCallReply && opened instanceof Response.Opened;
            }
        });
    }

    private static ChamadaClient connect(int port) {
        return ChamadaClient.connect("127.0.0.1", port, Lang.EN, Duration.ofMinutes(2));
    }

    private static void report(Plan plan, String line) {
        System.out.println(line);
        plan.figures().ifPresent(file -> {
            try {
                Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
