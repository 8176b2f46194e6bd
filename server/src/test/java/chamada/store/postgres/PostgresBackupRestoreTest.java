package chamada.store.postgres;

import chamada.client.ChamadaClient;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialLimits;
import chamada.materials.MaterialName;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.server.MaterialsConfig;
import chamada.server.ServerConfig;
import chamada.server.StoreConfig;
import chamada.testing.TestPostgres;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15, backups on PostgreSQL: docs/SCALING.md's {@code pg_dump} taken while a server
 * acknowledges check-ins, and its {@code pg_restore} into a new, empty database, where a new
 * server serves every check-in acknowledged before the dump began, the material copied after it,
 * and new check-ins. The two commands are read from SCALING.md's "Backups" section and run with
 * only the address and the file changed, so the document cannot drift from what is tested; the
 * database's user is {@code chamada}, no superuser, as there.
 */
class PostgresBackupRestoreTest {

    /** Debian's PostgreSQL 15 client tools: {@code pg_dump} must be of the server's major version or newer. */
    private static final Path TOOLS = Path.of("/usr/lib/postgresql/15/bin");
    private static final String DOC_ADDRESS = "postgresql://chamada@db1:5432/escola";
    private static final String DOC_FILE = "escola.dump";
    private static final ClassId CLOSED = new ClassId(1010);
    private static final ClassId SERVING = new ClassId(2020);
    private static final int STUDENTS = 30;
    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    @Test
    void pgDumpWhileServing_restoredIntoEmptyDatabase_servesEveryCheckInAcknowledgedBefore() throws Exception {
        assumeTrue(Files.isExecutable(TOOLS.resolve("pg_dump")) && Files.isExecutable(TOOLS.resolve("pg_restore")),
                "PostgreSQL backup test skipped: no pg_dump and pg_restore in " + TOOLS
                        + " (apt-get install postgresql-client-15)");
        List<String> dump = documented("pg_dump");
        List<String> restore = documented("pg_restore");
        Path backup = Files.createDirectories(dir.resolve("backup"));
        byte[] material = "Plano de aula: frações".getBytes(StandardCharsets.UTF_8);
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedBeforeDump;
        int acknowledgedDuringDump;

        PostgresAddress original = TestPostgres.freshDatabaseOwnedBy("chamada");
        try (TestServer server = TestServer.start(dir.resolve("original"), on(original, dir.resolve("materials")))) {
            try (ChamadaClient teacher = server.client()) {
                as(teacher.open(CLOSED), Response.Opened.class);
                for (int i = 0; i < STUDENTS; i++) {
                    as(teacher.checkIn(new Matricula("1010" + i), CLOSED), Response.CheckedIn.class);
                }
                as(teacher.close(CLOSED), Response.RollCallReply.class);
                as(teacher.upload(CLOSED, new MaterialName("plano.txt"), material.length, sha256(material),
                        new ByteArrayInputStream(material), progress -> { }), Response.Uploaded.class);
                as(teacher.open(SERVING), Response.Opened.class);
            }
            AtomicBoolean stop = new AtomicBoolean();
            try (ExecutorService students = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> writers = IntStream.range(0, WRITERS).<Future<?>>mapToObj(writer -> students.submit(
                        () -> checkInUntil(stop, server, writer, sent, acknowledged))).toList();
                await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 100);

                // Answered before pg_dump starts, so committed before its snapshot: these must all come back.
                acknowledgedBeforeDump = Set.copyOf(acknowledged);
                run(dump, original, backup.resolve(DOC_FILE));
                acknowledgedDuringDump = acknowledged.size() - acknowledgedBeforeDump.size();
                // SCALING.md copies the folder with rsync after the dump; the same copy, by hand.
                copyFiles(dir.resolve("materials"), Files.createDirectories(backup.resolve("materials")));

                stop.set(true);
                for (Future<?> writer : writers) {
                    writer.get(30, TimeUnit.SECONDS);
                }
            }
        }
        assertThat(acknowledgedDuringDump).as("check-ins acknowledged while pg_dump ran").isPositive();

        PostgresAddress restored = TestPostgres.freshDatabaseOwnedBy("chamada");
        run(restore, restored, backup.resolve(DOC_FILE));
        try (TestServer server = TestServer.start(dir.resolve("restored"), on(restored, backup.resolve("materials")));
             ChamadaClient client = server.client()) {
            Response.History history = as(client.history(CLOSED), Response.History.class);
            assertThat(history.rollCalls()).singleElement().satisfies(past -> assertThat(past.count()).isEqualTo(STUDENTS));
            Response.Export export = as(client.export(CLOSED), Response.Export.class);
            assertThat(export.rollCalls()).singleElement().satisfies(numbered -> assertThat(
                    matriculas(numbered.rollCall().present())).isEqualTo(IntStream.range(0, STUDENTS)
                    .mapToObj(i -> "1010" + i).collect(Collectors.toSet())));

            Response.RollCallReply status = as(client.status(SERVING), Response.RollCallReply.class);
            assertThat(status.rollCall().isOpen()).isTrue();
            Set<String> present = matriculas(status.rollCall().present());
            assertThat(present).containsAll(acknowledgedBeforeDump);
            assertThat(sent).containsAll(present);

            ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
            as(client.download(CLOSED, new MaterialChoice.ByName(new MaterialName("plano.txt")), 0, downloaded),
                    Response.Download.class);
            assertThat(downloaded.toByteArray()).isEqualTo(material);

            Response.CheckedIn after = as(client.checkIn(new Matricula("777"), SERVING), Response.CheckedIn.class);
            assertThat(after.alreadyRegistered()).isFalse();
            assertThat(as(client.close(SERVING), Response.RollCallReply.class).rollCall().present())
                    .hasSize(present.size() + 1);
        }
    }

    /** The config of a server on {@code database}, with its materials in {@code materials}. */
    private static UnaryOperator<ServerConfig> on(PostgresAddress database, Path materials) {
        return config -> config.withStore(new StoreConfig.Postgres(database, Optional.empty()))
                .withMaterials(new MaterialsConfig(Optional.of(materials), MaterialLimits.defaults()));
    }

    /** One student after another checking in to {@link #SERVING} on a connection of its own, until {@code stop}. */
    private static void checkInUntil(AtomicBoolean stop, TestServer server, int writer, Set<String> sent,
                                     Set<String> acknowledged) {
        try (ChamadaClient student = server.client()) {
            for (int i = 0; !stop.get(); i++) {
                String matricula = "2020" + writer + String.format("%06d", i);
                sent.add(matricula);
                as(student.checkIn(new Matricula(matricula), SERVING), Response.CheckedIn.class);
                acknowledged.add(matricula);
            }
        }
    }

    /** The words of the one line of SCALING.md's "Backups" section, in a fenced block, that runs {@code tool}. */
    private static List<String> documented(String tool) throws IOException {
        String scaling = Files.readString(Path.of("docs/SCALING.md"));
        int start = scaling.indexOf("\n## Backups\n");
        assertThat(start).as("SCALING.md's Backups section").isNotNegative();
        int end = scaling.indexOf("\n## ", start + 1);
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : scaling.substring(start, end < 0 ? scaling.length() : end).split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (fenced && line.startsWith(tool + " ")) {
                lines.add(line);
            }
        }
        assertThat(lines).as("%s lines in SCALING.md's Backups section", tool).hasSize(1);
        List<String> words = words(lines.getFirst());
        assertThat(words).as("%s in SCALING.md", tool).contains(DOC_ADDRESS, DOC_FILE);
        return words;
    }

    /** {@code line} split at spaces, what is in single quotes kept together and unquoted, as a shell does. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        return words;
    }

    /**
     * Runs {@code documented} on {@code database} and {@code file}, from {@link #TOOLS}; never
     * asking for a password, which would wait for a terminal.
     */
    private static void run(List<String> documented, PostgresAddress database, Path file) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(TOOLS.resolve(documented.getFirst()).toString());
        command.add("--no-password");
        String address = "postgresql://" + database.user() + "@" + database.hosts().getFirst() + "/" + database.database();
        for (String word : documented.subList(1, documented.size())) {
            command.add(switch (word) {
                case DOC_ADDRESS -> address;
                case DOC_FILE -> file.toString();
                default -> word;
            });
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        assertThat(process.exitValue()).as("%s's exit code; it said: %s", command, output).isZero();
    }

    /** Copies the files of {@code from}, not its folders ({@code .incoming}), into {@code to}. */
    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static Set<String> matriculas(List<CheckIn> checkIns) {
        return checkIns.stream().map(checkIn -> checkIn.matricula().value()).collect(Collectors.toSet());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
