package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialLimits;
import chamada.materials.MaterialName;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.server.MaterialsConfig;
import chamada.testing.TestPostgres;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code chamada backup} and {@code chamada restore}: a backup taken from a server under check-ins
 * holds every check-in acknowledged before it was asked for, with the class's materials, and comes
 * back as a store a new server serves; a stopped store backs up the same way; a restore never
 * replaces data without {@code --force}, nor replays an old journal onto what it restored.
 */
class BackupCommandTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final byte[] SLIDES = "slides of lesson 1\n".repeat(5_000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void backup_underCheckIns_holdsEveryCheckInAcknowledgedBeforeIt_andRestoresIntoAServerThatServesIt() throws Exception {
        Set<Matricula> acknowledgedBefore;
        try (TestServer server = TestServer.start(dir.resolve("live"));
             ChamadaClient teacher = server.client(); ChamadaClient student = server.client()) {
            teacher.open(CLASS);
            publish(teacher, CLASS, "slides.txt", SLIDES);
            ConcurrentLinkedQueue<Matricula> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int n = 0; !stop.get(); n++) {
                    Matricula matricula = new Matricula(String.format("%09d", 100_000_000 + n));
                    if (student.checkIn(matricula, CLASS) instanceof Response.CheckedIn) {
                        acknowledged.add(matricula);
                    }
                }
            });
            awaitAtLeast(acknowledged, 200);

            acknowledgedBefore = Set.copyOf(acknowledged);
            CliRunner.Result backup = new CliRunner().run("backup", "--to", dir.resolve("school.zip").toString(),
                    "--port", Integer.toString(server.port()));
            stop.set(true);
            load.join();

            assertThat(backup.err()).isEmpty();
            assertThat(backup.exitCode()).isZero();
            assertThat(backup.out()).startsWith("Backup written to " + dir.resolve("school.zip")).contains("1 material files");
            assertThat(acknowledged).hasSizeGreaterThan(acknowledgedBefore.size());
        }
        assertThat(dir.resolve("school.zip.part")).doesNotExist();

        Path restored = dir.resolve("restored").resolve("chamada.db");
        CliRunner.Result restore = new CliRunner().run("restore", dir.resolve("school.zip").toString(), "--db",
                restored.toString());

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("Restored " + dir.resolve("school.zip")).contains("1 material files");
        try (TestServer server = TestServer.start(dir.resolve("restored")); ChamadaClient client = server.client()) {
            Response.RollCallReply status = (Response.RollCallReply) client.status(CLASS);
            Set<Matricula> present = status.rollCall().present().stream().map(CheckIn::matricula).collect(Collectors.toSet());
            ByteArrayOutputStream slides = new ByteArrayOutputStream();
            Response download = client.download(CLASS, new MaterialChoice.ByName(new MaterialName("slides.txt")), 0, slides);
            Response late = client.checkIn(new Matricula("042191010"), CLASS);

            assertThat(present).containsAll(acknowledgedBefore);
            assertThat(download).isInstanceOf(Response.Download.class);
            assertThat(slides.toByteArray()).isEqualTo(SLIDES);
            assertThat(late).isInstanceOf(Response.CheckedIn.class);
        }
    }

    @Test
    void backup_ofAStoppedStore_leavesItsFilesAsTheyWere_andRestoresTheSameElsewhere() throws Exception {
        Path live = dir.resolve("live");
        try (TestServer server = TestServer.start(live); ChamadaClient client = server.client()) {
            client.open(CLASS);
            client.checkIn(new Matricula("042191010"), CLASS);
            publish(client, CLASS, "slides.txt", SLIDES);
        }
        byte[] before = Files.readAllBytes(live.resolve("chamada.db"));

        CliRunner.Result backup = new CliRunner().run("backup", "--to", dir.resolve("stopped.zip").toString(), "--db",
                live.resolve("chamada.db").toString());
        // A database in a folder that does not exist yet, its materials somewhere else.
        Path other = dir.resolve("new").resolve("folder").resolve("chamada.db");
        CliRunner.Result restore = new CliRunner().run("restore", dir.resolve("stopped.zip").toString(), "--db",
                other.toString(), "--materials", dir.resolve("files").toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(Files.readAllBytes(live.resolve("chamada.db"))).isEqualTo(before);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".chamada-backup"));
        }
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(other.resolveSibling("chamada.db.restoring")).doesNotExist();
        try (TestServer server = TestServer.start(other.getParent(),
                config -> config.withMaterials(new MaterialsConfig(Optional.of(dir.resolve("files")), MaterialLimits.defaults()))); ChamadaClient client = server.client()) {
            Response.RollCallReply status = (Response.RollCallReply) client.status(CLASS);
            assertThat(status.rollCall().present()).extracting(CheckIn::matricula).containsExactly(new Matricula("042191010"));
            assertThat(((Response.Materials) client.materials(CLASS)).materials()).hasSize(1);
        }
    }

    @Test
    void restore_intoAStoreWithData_isRefusedWithoutForce_andWithForceReplacesItsJournalAndMaterials() throws Exception {
        Path backedUp = dir.resolve("a");
        try (TestServer server = TestServer.start(backedUp); ChamadaClient client = server.client()) {
            client.open(CLASS);
            client.checkIn(new Matricula("042191010"), CLASS);
        }
        assertThat(new CliRunner().run("backup", "--to", dir.resolve("a.zip").toString(), "--db",
                backedUp.resolve("chamada.db").toString()).exitCode()).isZero();
        Path target = dir.resolve("b");
        try (TestServer server = TestServer.start(target); ChamadaClient client = server.client()) {
            client.open(new ClassId(2020));
            client.checkIn(new Matricula("099999999"), new ClassId(2020));
            publish(client, new ClassId(2020), "old.txt", SLIDES);
        }
        // A journal segment left beside the database, as after a crash: it must not replay onto the restored one.
        Path journal = Files.createDirectories(target.resolve("chamada.db.journal"));
        Files.write(journal.resolve("0000000099.seg"), new byte[] {1, 2, 3});

        CliRunner.Result refused = new CliRunner().run("restore", dir.resolve("a.zip").toString(), "--db",
                target.resolve("chamada.db").toString());
        CliRunner.Result forced = new CliRunner().run("restore", dir.resolve("a.zip").toString(), "--db",
                target.resolve("chamada.db").toString(), "--force");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains(target.resolve("chamada.db") + " already holds data: nothing was restored");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        try (Stream<Path> segments = Files.list(journal)) {
            assertThat(segments.map(Path::getFileName).map(Path::toString)).doesNotContain("0000000099.seg");
        }
        try (TestServer server = TestServer.start(target); ChamadaClient client = server.client()) {
            assertThat(client.status(CLASS)).isInstanceOf(Response.RollCallReply.class);
            assertThat(client.status(new ClassId(2020))).isInstanceOf(Response.Failure.class);
            assertThat(((Response.Materials) client.materials(new ClassId(2020))).materials()).isEmpty();
        }
    }

    @Test
    void backup_askedByATeacherWhoIsNoAdministrator_isRefused_andLeavesNoFile() {
        try (CliServer server = new CliServer(dir)) {
            CliRunner.Result refused = server.run(new CliRunner(), "backup", "--to", dir.resolve("x.zip").toString(),
                    "--name", "ana", "--secret", "s3cret");

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(refused.err()).contains("Only a school administrator may do this, and ana is not one.");
            assertThat(dir.resolve("x.zip")).doesNotExist();
            assertThat(dir.resolve("x.zip.part")).doesNotExist();
        }
    }

    @Test
    void backup_onPostgres_isRefusedPointingToPgDump() {
        try (TestServer server = TestServer.start(dir, TestPostgres::onFreshDatabase); ChamadaClient client = server.client()) {
            Response reply = client.backup(OutputStream.nullOutputStream());

            assertThat(reply).isInstanceOf(Response.Failure.class);
            assertThat(((Response.Failure) reply).code()).isEqualTo(ErrorCode.BACKUP_ELSEWHERE);
            assertThat(((Response.Failure) reply).message()).contains("pg_dump");
        }
    }

    @Test
    void restore_ofAnArchiveWithAPathThatClimbsOut_isRefused_andWritesNothing() throws IOException {
        Path evil = dir.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            for (String name : List.of("backup.json", "chamada.db", "materials/../../escaped")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.equals("backup.json") ? "{\"format\":1,\"server\":\"x\",\"taken_at\":\"2026-12-01T08:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8) : new byte[] {0});
            }
        }

        CliRunner.Result refused = new CliRunner().run("restore", evil.toString(), "--db",
                dir.resolve("t").resolve("chamada.db").toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(refused.err()).contains("holds \"materials/../../escaped\", which no Chamada backup holds: nothing was"
                + " restored.");
        assertThat(dir.resolve("t").resolve("chamada.db")).doesNotExist();
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    /**
     * Issue 15, tried as a new user: root restoring the service's store into /var/lib/chamada was told
     * "Start the server on it", and the service, running as chamada, then stopped at start unable to
     * open root's files. The restore now says to give them back, with the command.
     */
    @Test
    void restore_byRootIntoAnotherUsersFolder_saysToGiveTheFilesBack() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "restore's owner hint needs root, to give a folder to another user");
        try (TestServer server = TestServer.start(dir.resolve("live")); ChamadaClient teacher = server.client()) {
            teacher.open(CLASS);
            assertThat(new CliRunner().run("backup", "--to", dir.resolve("a.zip").toString(), "--port",
                    Integer.toString(server.port())).exitCode()).isZero();
        }
        Path service = Files.createDirectories(dir.resolve("service"));
        UserPrincipal nobody = service.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(service, nobody);

        CliRunner.Result restore = new CliRunner().run("restore", dir.resolve("a.zip").toString(), "--db",
                service.resolve("chamada.db").toString());
        CliRunner.Result mine = new CliRunner().run("restore", dir.resolve("a.zip").toString(), "--db",
                dir.resolve("mine").resolve("chamada.db").toString());

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("The restored files belong to root, but " + service + " belongs to nobody")
                .contains("chown -R nobody: " + service + "\n");
        assertThat(mine.exitCode()).as(mine.err()).isZero();
        assertThat(mine.out()).doesNotContain("chown");
    }

    /**
     * Review of issue 15's owner hint: a user restoring into a folder root owns (such as /tmp) was
     * told to run "chown -R root: /tmp", which would give every file in it to root; a server running
     * as root opens any file, so there is nothing to give back.
     */
    @Test
    void restoreOwnerHint_folderOfTheSuperuser_isNone() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root, to make a file another user's in a folder of root's");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path database = Files.writeString(shared.resolve("chamada.db"), "restored by another user");
        Files.setOwner(database, database.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThat(RestoreCommand.ownerHint(Lang.EN, database, shared.resolve("materials"))).isEmpty();
    }

    @Test
    void restore_ofAMissingArchive_andBackup_intoAMissingFolder_sayWhatIsMissing_inPortugueseToo() {
        CliRunner.Result restore = new CliRunner().run("restore", dir.resolve("nowhere.zip").toString(), "--db",
                dir.resolve("t").resolve("chamada.db").toString());
        CliRunner.Result backup = new CliRunner().lang(Lang.PT_BR).run("backup", "--to",
                dir.resolve("no").resolve("folder.zip").toString(), "--port", "1");

        assertThat(restore.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(restore.err()).contains(dir.resolve("nowhere.zip") + " does not exist: give the file chamada backup wrote.");
        assertThat(backup.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(backup.err()).contains("A pasta " + dir.resolve("no") + " não existe");
    }

    private static void publish(ChamadaClient client, ClassId classId, String name, byte[] bytes) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Response uploaded = client.upload(classId, new MaterialName(name), bytes.length, sha256,
                new ByteArrayInputStream(bytes), progress -> { });
        assertThat(uploaded).isInstanceOf(Response.Uploaded.class);
    }

    private static void awaitAtLeast(ConcurrentLinkedQueue<Matricula> acknowledged, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= count);
    }
}
