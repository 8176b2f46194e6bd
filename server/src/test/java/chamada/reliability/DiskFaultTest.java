package chamada.reliability;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.materials.MaterialName;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.testing.ChildServer;
import chamada.testing.LoopMount;
import chamada.testing.TestServer;
import chamada.testing.VolatileMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk, a failing write and a failing fsync under check-in load, through the FUSE layer
 * of {@code reliability/volatilefs.py}: students get a clear refusal, the log says it in one
 * line, nothing acknowledged is lost, and README's recovery ("When the disk is full or
 * failing": free space or fix the disk, restart) brings every acknowledged check-in back and
 * the server serves again (RELIABILITY.md, "Disk and I/O faults").
 */
class DiskFaultTest {

    private static final ClassId CLASS = new ClassId(1);
    private static final int WRITERS = 8;
    private static final int ACKS_BEFORE_FAULT = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int REAL_DISK_MEGABYTES = 16;
    private static final int REAL_DISK_WRITERS = 32;
    /** Whether this is {@code reliability/disk-faults}' full run, which adds what the suite has no time for. */
    private static final boolean FULL_RUN = Boolean.getBoolean("chamada.reliability.full");
    /** Runs of each scenario: one here, more in {@code reliability/disk-faults}. */
    private static final int REPEATS = Integer.getInteger("chamada.reliability.repeats", 1);
    /** A warning's or error's first line: its time, level, thread and logger (the layout the server logs in). */
    private static final Pattern PROBLEM =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\S+ (WARN|ERROR) +\\[.*?] (?<logger>\\S+) - .*");
    /**
     * The loggers of what a disk fault touches: the store and the materials' folder. The fronts
     * may warn of a slow or vanished client under load, which says nothing of the fault.
     */
    private static final Set<String> FAULT_LOGGERS = Set.of("JournalWriter", "SqliteApplier", "ApplyFailures",
            "ReaderPool", "SqliteDirect", "MaterialService", "MaterialFolder");
    /** ApplyFailures' reminder while SQLite still fails: the same problem said again, once a minute. */
    private static final Pattern REMINDER = Pattern.compile(" ApplyFailures - Applying journaled writes to .* still fails ");
    private static final Set<ErrorCode> STORE_REFUSALS = Set.of(ErrorCode.STORE_FAILED, ErrorCode.STORE_UNCERTAIN,
            ErrorCode.STORE_UNAVAILABLE);

    @TempDir
    Path dir;

    @Test
    void journalDiskFull_underLoad_refusesSaysSoOnceAndRestartKeepsEverything() throws Exception {
        journalFault("write ENOSPC .seg", "No space left on device");
    }

    @Test
    void journalWriteFails_underLoad_refusesSaysSoOnceAndRestartKeepsEverything() throws Exception {
        assumeTrue(FULL_RUN, "a failing write takes the same path as a full disk's: reliability/disk-faults runs it");
        journalFault("write EIO .seg", "Input/output error");
    }

    @Test
    void journalFsyncFails_underLoad_refusesSaysSoOnceAndRestartKeepsEverything() throws Exception {
        journalFault("fsync EIO .seg", "Input/output error");
    }

    /**
     * Regression: SQLite rolls a transaction back by itself on a full disk, the driver's rollback
     * then failed without beginning the next one, and the applier never recovered once space was
     * freed (SqliteBatch.beginIfLost).
     */
    @Test
    void sqliteDiskFull_underLoad_keepsAcknowledgingAndCatchesUpOnceFreed() throws Exception {
        Run run = faulted("write ENOSPC db-wal", faulted -> {
            await().atMost(PATIENCE).until(() -> !faulted.problems().isEmpty());
            long moreAcknowledged = faulted.load().acknowledgedCount() + ACKS_BEFORE_FAULT;
            await().atMost(PATIENCE).until(() -> faulted.load().acknowledgedCount() >= moreAcknowledged);
            int port = faulted.server().port();
            assertThat(health(port).healthy()).as("unhealthy while SQLite cannot write").isFalse();

            faulted.mount().fault("");
            await().atMost(PATIENCE).until(() -> health(port).healthy());
        });

        assertThat(run.told().refused()).as("refusals while only SQLite's disk was full").isZero();
        assertThat(run.problems()).hasSize(1).first().asString().contains("Applying", "SQLITE_FULL");
    }

    @Test
    void materialsDiskFull_upload_isRefusedAsDiskFullWhileCheckInsGoOn() throws Exception {
        byte[] material = new byte[64 << 10];
        new Random(16).nextBytes(material);
        Run run = faulted("write ENOSPC /materials/", faulted -> {
            try (ChamadaClient teacher = client(faulted.server().port())) {
                Response full = upload(teacher, "full.pdf", material);
                long moreAcknowledged = faulted.load().acknowledgedCount() + ACKS_BEFORE_FAULT;
                await().atMost(PATIENCE).until(() -> faulted.load().acknowledgedCount() >= moreAcknowledged);
                assertThat(full).isInstanceOfSatisfying(Response.Refusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.DISK_FULL));

                faulted.mount().fault("");
                as(upload(teacher, "freed.pdf", material), Response.Uploaded.class);
            }
        });

        assertThat(run.told().refused()).as("refusals of check-ins while the materials could not be written").isZero();
        assertThat(run.problems()).hasSize(1).first().asString().contains("full.pdf");
    }

    /**
     * A real disk filling up: a small ext4 in a loop device, filled by another file until SQLite
     * and then the journal run out of room. README's recovery: delete that file, restart. Only in
     * {@code reliability/disk-faults}.
     */
    @Test
    void realDiskFull_underLoad_refusesAndFreeingSpaceThenRestartingKeepsEverything() throws Exception {
        assumeTrue(FULL_RUN, "the real full disk takes a minute or more"
                + " (the journal's megabyte of zeros ahead must fill up first): reliability/disk-faults runs it;"
                + " here the full disks are the FUSE layer's");
        LoopMount.assumeAvailable();
        Path log = dir.resolve("server.log");
        try (LoopMount disk = LoopMount.mount(dir, REAL_DISK_MEGABYTES)) {
            Path database = disk.path().resolve("chamada.db");
            Path filler = disk.path().resolve("someone-else's-file");
            CheckInLoad.Told told;
            List<String> problems;
            try (ChildServer server = ChildServer.start(database, List.of(), log)) {
                open(server.port());
                long logBefore = Files.size(log);
                fillUp(filler);
                try (CheckInLoad load = CheckInLoad.start(server.port(), CLASS, REAL_DISK_WRITERS)) {
                    await().atMost(PATIENCE.multipliedBy(3)).until(() -> load.refusedCount() >= 100);
                    told = load.stop();
                }
                problems = problems(log, logBefore);
                assertThat(health(server.port()).problem()).hasValueSatisfying(
                        problem -> assertThat(problem).contains("No space left on device"));

                Files.delete(filler);
                stopGracefully(server, log);
            }

            assertThat(told.refusals().keySet()).isNotEmpty().isSubsetOf(STORE_REFUSALS);
            assertThat(problems).as("one line from SQLite's applier, one from the journal").hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("Applying", "SQLITE_FULL"))
                    .anySatisfy(line -> assertThat(line).contains("Writing the journal", "No space left on device"));
            assertEverythingKeptAndServing(database, log, told);
            System.out.println("DISK FAULT (real ext4 filled up): " + told.acknowledged().size()
                    + " acknowledged check-ins kept after the restart, " + told.refused() + " refused ("
                    + told.refusals().keySet() + "), " + problems.size() + " log line(s)");
        }
    }

    /** Writes {@code filler} until the disk it is on has no room left. */
    private static void fillUp(Path filler) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(64 << 10);
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                channel.write(block.clear());
            }
        } catch (IOException full) {
            if (!full.getMessage().contains("No space left on device")) {
                throw full;
            }
        }
    }

    private void journalFault(String fault, String cause) throws Exception {
        Run run = faulted(fault, faulted -> {
            await().atMost(PATIENCE).until(() -> faulted.load().refusedCount() >= 100);
            Response.Health health = health(faulted.server().port());
            assertThat(health.healthy()).isFalse();
            assertThat(health.problem()).hasValueSatisfying(problem -> assertThat(problem).contains(cause));

            // README's recovery: free space or fix the disk, then restart the server.
            faulted.mount().fault("");
        });

        assertThat(run.told().refusals().keySet()).isNotEmpty().isSubsetOf(STORE_REFUSALS);
        assertThat(run.told().refusals().values()).as("what students read: the code's text, no internals")
                .allSatisfy(message -> assertThat(message).isNotBlank().doesNotContain("Exception", "java.", ".seg"));
        assertThat(run.problems()).as("what the log said of the failure").hasSize(1).first().asString()
                .contains("Writing the journal", cause, "README");
    }

    /** What a scenario does once its fault is set, with the server under load; it clears the fault. */
    @FunctionalInterface
    private interface During {
        void run(Faulted faulted) throws Exception;
    }

    /** A server under load on a layer with a fault, and where its log was when the fault came. */
    private record Faulted(VolatileMount mount, ChildServer server, CheckInLoad load, Path log, long logBefore) {

        List<String> problems() throws IOException {
            return DiskFaultTest.problems(log, logBefore);
        }
    }

    /** What the students were told and what the log said from the fault on. */
    private record Run(CheckInLoad.Told told, List<String> problems) {
    }

    /**
     * A server on a fresh layer, an open roll call under check-in load, then {@code fault} and
     * {@code during}; then a graceful stop, a restart on the same disk, and every acknowledged
     * check-in looked for. {@link #REPEATS} times, each on a fresh layer; the last run is returned
     * and every one is printed for RELIABILITY.md.
     */
    private Run faulted(String fault, During during) throws Exception {
        VolatileMount.assumeAvailable();
        Run run = null;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            run = faultedOnce(dir.resolve("run" + repeat), fault, during);
            System.out.println("DISK FAULT (" + fault + "): " + run.told().acknowledged().size()
                    + " acknowledged check-ins kept after the restart, " + run.told().refused() + " refused ("
                    + run.told().refusals().keySet() + "), " + run.problems().size() + " log line(s)");
        }
        return run;
    }

    private Run faultedOnce(Path runDir, String fault, During during) throws Exception {
        Path log = runDir.resolve("server.log");
        try (VolatileMount mount = VolatileMount.mount(runDir.resolve("layer"))) {
            Path database = mount.path().resolve("chamada.db");
            Run run;
            try (ChildServer server = ChildServer.start(database, List.of(), log)) {
                open(server.port());
                try (CheckInLoad load = CheckInLoad.start(server.port(), CLASS, WRITERS)) {
                    await().atMost(PATIENCE).until(() -> load.acknowledgedCount() >= ACKS_BEFORE_FAULT);
                    long logBefore = Files.size(log);
                    mount.fault(fault);
                    during.run(new Faulted(mount, server, load, log, logBefore));
                    run = new Run(load.stop(), problems(log, logBefore));
                }
                stopGracefully(server, log);
            }
            assertEverythingKeptAndServing(database, log, run.told());
            return run;
        }
    }

    private static void stopGracefully(ChildServer server, Path log) throws IOException {
        server.stop();
        assertThat(Files.readAllLines(log)).as("the server's log").anyMatch(line -> line.endsWith("ChamadaServer - Stopped"));
    }

    private static void assertEverythingKeptAndServing(Path database, Path log, CheckInLoad.Told told)
            throws IOException {
        try (ChildServer restarted = ChildServer.start(database, List.of(), log);
             ChamadaClient teacher = client(restarted.port())) {
            Response.RollCallReply status = as(teacher.status(CLASS), Response.RollCallReply.class);
            Set<String> present = status.rollCall().present().stream()
                    .map(checkIn -> checkIn.matricula().value()).collect(Collectors.toSet());
            assertThat(present).as("every acknowledged check-in after the restart").containsAll(told.acknowledged());
            as(teacher.checkIn(new Matricula("99999"), CLASS), Response.CheckedIn.class);
            assertThat(health(restarted.port()).healthy()).isTrue();
        }
    }

    private static Response upload(ChamadaClient teacher, String name, byte[] bytes) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return teacher.upload(CLASS, new MaterialName(name), bytes.length, sha256, new ByteArrayInputStream(bytes),
                sent -> { });
    }

    /**
     * The problems the store and the materials' folder logged from byte {@code from} of the log
     * on, one line each: a reminder that one still lasts is not another.
     */
    private static List<String> problems(Path log, long from) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        String since = new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.UTF_8);
        return since.lines().filter(line -> {
            Matcher problem = PROBLEM.matcher(line);
            return problem.matches() && FAULT_LOGGERS.contains(problem.group("logger"));
        }).filter(line -> !REMINDER.matcher(line).find()).toList();
    }

    private static void open(int port) {
        try (ChamadaClient teacher = client(port)) {
            as(teacher.open(CLASS), Response.Opened.class);
        }
    }

    private static Response.Health health(int port) {
        try (ChamadaClient client = client(port)) {
            return as(client.call(new Request.Health()), Response.Health.class);
        }
    }

    private static ChamadaClient client(int port) {
        return ChamadaClient.connect("127.0.0.1", port, Lang.EN, TestServer.CLIENT_TIMEOUT);
    }
}
