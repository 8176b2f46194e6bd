package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The store's write path, in its two halves, for {@code batch} check-ins into a roll call
 * already holding {@code present} students; the score is per batch, divide by {@code batch}
 * for a check-in's share.
 * <ul>
 *   <li>{@link #journal}: what a reply waits for: encode the records, append, fdatasync.</li>
 *   <li>{@link #apply}: what the applier does behind: one SQLite transaction (WAL,
 *       {@code synchronous=FULL}) holding the rows and the journal position.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class WritePathBenchmark {

    private static final long ROLL_CALL = 1;

    @Param({"1", "50", "500"})
    public int batch;

    @Param({"0", "100000"})
    public int present;

    private Path dir;
    private Connection connection;
    private SqliteBatch sqlite;
    private FileChannel segment;
    private ByteBuffer buffer;
    private long next;
    private long position;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        dir = Files.createTempDirectory("chamada-jmh");
        Path file = dir.resolve("bench.db");
        connection = Connections.writer(file);
        Migrations.bundled().apply(connection, file);
        sqlite = new SqliteBatch(connection);
        sqlite.apply(List.of(new Write.Open(ROLL_CALL, new ClassId(1), new TeacherName("bench"), 0,
                new CompletableFuture<>())), new JournalPosition(1, ++position));
        while (next < present) {
            sqlite.apply(checkIns(Math.min(10_000, present - (int) next)), new JournalPosition(1, ++position));
        }
        segment = JournalFiles.of(file).create(1);
        buffer = ByteBuffer.allocateDirect(batch * 64);
    }

    @Benchmark
    public void journal() throws IOException {
        buffer.clear();
        for (Write write : checkIns(batch)) {
            JournalCodec.encode(write, buffer);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            segment.write(buffer);
        }
        segment.force(false);
    }

    @Benchmark
    public int apply() throws SQLException {
        return sqlite.apply(checkIns(batch), new JournalPosition(1, ++position));
    }

    private List<Write> checkIns(int count) {
        List<Write> writes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            writes.add(new Write.CheckIn(ROLL_CALL, new Matricula(Long.toString(10_000_000_000L + next++)), next,
                    new CompletableFuture<>()));
        }
        return writes;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        segment.close();
        sqlite.close();
        connection.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
