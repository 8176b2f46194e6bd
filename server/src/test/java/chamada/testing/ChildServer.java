package chamada.testing;

import chamada.server.ChamadaServer;
import chamada.server.ServerConfig;
import chamada.server.StoreConfig;
import chamada.store.postgres.PostgresAddress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Chamada server in a child JVM, so a test can kill it with SIGKILL like a power cut.
 * Its {@link #main} prints {@code PORT n} once the server accepts connections.
 */
public final class ChildServer implements AutoCloseable {

    private static final String READY = "PORT ";

    private final Process process;
    private final int port;

    private ChildServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Serves {@code args[0]}: a SQLite file, or a {@code postgresql://} address (no password);
     * {@code args[1]}, when given, is how many connections one address may hold (the tests' default
     * otherwise).
     */
    public static void main(String[] args) throws Exception {
        ServerConfig tests = PostgresAddress.parse(args[0])
                .map(address -> ServerConfig.forTests(Path.of("unused.db"))
                        .withStore(new StoreConfig.Postgres(address, Optional.empty())))
                .orElseGet(() -> ServerConfig.forTests(Path.of(args[0])));
        ServerConfig config = args.length < 2 ? tests : tests.withLimits(tests.maxLineBytes(), tests.idleTimeout(),
                Integer.parseInt(args[1]));
        ChamadaServer server = ChamadaServer.start(config, Clock.systemDefaultZone());
        System.out.println(READY + server.port());
        System.out.flush();
        server.awaitTermination();
    }

    /** Starts a child JVM serving {@code database}; returns once it accepts connections. */
    public static ChildServer start(Path database) throws IOException {
        return start(database.toString());
    }

    /** Starts a child JVM serving the PostgreSQL database {@code database}; returns once it accepts connections. */
    public static ChildServer start(PostgresAddress database) throws IOException {
        return start(database.toString());
    }

    /**
     * Starts a child JVM serving {@code database} that lets one address hold
     * {@code connectionsPerAddress} connections (for a test that opens more than the default allows
     * from 127.0.0.1), its log appended to {@code log}.
     */
    public static ChildServer start(String database, int connectionsPerAddress, Path log) throws IOException {
        return start(database, List.of(Integer.toString(connectionsPerAddress)),
                ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static ChildServer start(String database) throws IOException {
        return start(database, List.of(), ProcessBuilder.Redirect.DISCARD);
    }

    private static ChildServer start(String database, List<String> options, ProcessBuilder.Redirect log)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ChildServer.class.getName(), database));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .redirectError(log)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(READY)) {
                return new ChildServer(process, Integer.parseInt(line.substring(READY.length()).trim()));
            }
        }
        process.destroyForcibly();
        throw new IOException("the child server exited before it was ready, exit code " + waitFor(process));
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        waitFor(process);
    }

    @Override
    public void close() {
        kill();
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
