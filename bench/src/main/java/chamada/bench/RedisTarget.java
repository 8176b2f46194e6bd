package chamada.bench;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The baseline: Redis doing the same job, one set per class and {@code SADD class:<id>
 * <matrícula>} per check-in. Run with {@code --appendonly yes --appendfsync always}, every
 * acknowledged SADD is in the append-only file and fsynced, as a Chamada check-in is.
 *
 * <p>Through Jedis, because its shape is the Chamada side's: one {@link Jedis} is one TCP
 * connection, and a call blocks its thread, here the connection's virtual thread, until the reply
 * is read, as {@code ChamadaClient} does; no thread of the client's own stands between the two.
 * An event-loop client (Lettuce) hands every request and reply across its I/O threads, which costs
 * the bench CPU on the cores the servers share (BENCHMARKS.md).
 */
public final class RedisTarget implements Target {

    private final HostAndPort address;
    private final JedisClientConfig config;

    public RedisTarget(String host, int port, Duration timeout) {
        int millis = (int) timeout.toMillis();
        this.address = new HostAndPort(host, port);
        // RESP2 without a HELLO, and no CLIENT SETINFO: a connect is the TCP handshake alone, as
        // ChamadaClient's is, and Jedis has no protocol to negotiate (it warns at every connect otherwise).
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

    @Override
    public Lane connect() throws IOException {
        Jedis redis = open();
        return new Lane() {
            @Override
            public boolean checkIn(int classId, String matricula) throws IOException, Refused {
                try {
                    return redis.sadd(key(classId), matricula) == 1;
                } catch (JedisDataException e) {
                    throw new Refused(e.getMessage());
                } catch (JedisException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                try {
                    redis.close();
                } catch (JedisException e) {
                    // Nothing left to release.
                }
            }
        };
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
