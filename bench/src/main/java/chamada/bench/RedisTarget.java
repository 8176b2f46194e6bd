package chamada.bench;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The baseline: Redis doing the same job, one set per class and {@code SADD class:<id>
 * <matrícula>} per check-in. Run with {@code --appendonly yes --appendfsync always}, every
 * acknowledged SADD is in the append-only file and fsynced, as a Chamada check-in is.
 *
 * <p>Check-ins go over lanes on the run's event loops ({@link LineLane}, {@link RespLines}), as
 * Chamada's do, so both sides of a comparison cost the bench the same little per request. The
 * set-up and the check use Jedis: one {@link Jedis} is one TCP connection whose calls block until
 * the reply, the shape of {@code ChamadaClient}, which Chamada's set-up and check use.
 */
public final class RedisTarget implements Target {

    private final HostAndPort address;
    private final Duration timeout;
    private final JedisClientConfig config;

    public RedisTarget(String host, int port, Duration timeout) {
        int millis = (int) timeout.toMillis();
        this.address = new HostAndPort(host, port);
        this.timeout = timeout;
        // RESP2 without a HELLO, and no CLIENT SETINFO, as the lanes speak: Jedis then has no protocol
        // to negotiate (it warns at every connect otherwise).
        this.config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(millis).socketTimeoutMillis(millis)
                .autoNegotiateProtocol(false).clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build();
    }

    /** The key of a class's set. */
    static String key(int classId) {
        return "class:" + classId;
    }

    @Override
    public String name() {
        return "redis";
    }

    /** Deletes the classes' sets, so they start empty. */
    @Override
    public void prepare(List<Integer> classIds) throws IOException {
        try (Jedis redis = open()) {
            call(() -> redis.del(classIds.stream().map(RedisTarget::key).toArray(String[]::new)), "DEL");
        }
    }

    /** A connection of its own on the loops, sending {@code SADD} in RESP ({@link RespLines}). */
    @Override
    public CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies) {
        return LineLane.connect(loops, address.getHost(), address.getPort(), timeout, "Redis at " + address,
                RespLines.INSTANCE, replies);
    }

    /** Counts each set with {@code SCARD}, compares per class, then deletes the sets. */
    @Override
    public ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException {
        Map<Integer, Long> acked = new ConcurrentHashMap<>();
        Map<Integer, Long> counted = new ConcurrentHashMap<>();
        List<Integer> classIds = List.copyOf(acknowledged.keySet());
        Parallel.forEach(classIds, this::open, (redis, classId) -> {
            acked.put(classId, (long) acknowledged.get(classId).length);
            counted.put(classId, call(() -> redis.scard(key(classId)), "SCARD"));
        });
        prepare(classIds);
        return ExactlyOnceCheck.counts(acked, counted, inDoubt);
    }

    /** A new connection, made before it returns. */
    private Jedis open() throws IOException {
        return call(() -> new Jedis(address, config), "cannot connect to Redis at " + address);
    }

    /** Runs one Jedis call; its failure is an {@link IOException} that says {@code what} failed and why. */
    private static <T> T call(Supplier<T> jedisCall, String what) throws IOException {
        try {
            return jedisCall.get();
        } catch (JedisException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException(what + ": " + cause.getMessage(), e);
        }
    }
}
