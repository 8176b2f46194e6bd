package chamada.bench;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} on a free loopback port, with the append-only file fsynced
 * on every write as in the baseline, for tests. Absent when Debian's {@code redis-server} is not
 * installed ({@code bench/compare.sh} installs it).
 */
final class RedisProcess implements AutoCloseable {

    static final String EXECUTABLE = "redis-server";

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The redis-server on the PATH, if any. */
    static Optional<Path> executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, EXECUTABLE);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts one in {@code dir}; returns once it answers. */
    static RedisProcess start(Path executable, Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always",
                "--save", "", "--daemonize", "no"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Jedis redis = new Jedis("127.0.0.1", port, 1_000)) {
                if ("PONG".equals(redis.ping())) {
                    return new RedisProcess(process, port);
                }
            } catch (JedisException e) {
                process.waitFor(20, TimeUnit.MILLISECONDS); // not up yet: a short wait, bounded by the deadline
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer on port " + port + " within 10 s; see " + dir.resolve("redis.log"));
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
