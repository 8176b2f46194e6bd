package chamada.testing;

import chamada.server.ChamadaServer;
import chamada.server.ServerConfig;
import chamada.server.StoreConfig;
import chamada.store.postgres.PostgresAddress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        // As `chamada server` does: SIGTERM stops the server gracefully.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "chamada-stop"));
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
     * Starts a child JVM serving {@code database} with the JVM options {@code jvmOptions} (such as
     * {@code -Dname=value}), its log appended to {@code log}; returns once it accepts connections.
     */
    public static ChildServer start(Path database, List<String> jvmOptions, Path log) throws IOException {
        return start(database.toString(), jvmOptions, List.of(), ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /**
     * Starts a child JVM serving {@code database} that lets one address hold
     * {@code connectionsPerAddress} connections (for a test that opens more than the default allows
     * from 127.0.0.1), its log appended to {@code log}.
     */
    public static ChildServer start(String database, int connectionsPerAddress, Path log) throws IOException {
        return start(database, List.of(), List.of(Integer.toString(connectionsPerAddress)),
                ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static ChildServer start(String database) throws IOException {
        return start(database, List.of(), List.of(), ProcessBuilder.Redirect.DISCARD);
    }

    private static ChildServer start(String database, List<String> jvmOptions, List<String> arguments,
                                     ProcessBuilder.Redirect log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildServer.class.getName(), database));
        command.addAll(arguments);
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
        String said = log.type() == ProcessBuilder.Redirect.Type.APPEND
                ? "; its log " + log.file() + " ends: " + tail(log.file().toPath()) : "";
        throw new IOException("the child server exited before it was ready, exit code " + waitFor(process) + said);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    public int port() {
        return port;
    }

    /** SIGTERM, as {@code systemctl stop} sends: the server stops gracefully; returns once it has exited. */
    public void stop() {
        process.destroy();
        waitFor(process);
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
