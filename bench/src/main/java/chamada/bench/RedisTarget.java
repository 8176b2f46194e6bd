package chamada.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: Redis doing the same job, one set per class and {@code SADD class:<id>
 * <matrícula>} per check-in. Run with {@code --appendonly yes --appendfsync always}, every
 * acknowledged SADD is in the append-only file and fsynced, as a Chamada check-in is.
 */
public final class RedisTarget implements Target {

    private final String host;
    private final int port;
    private final Duration timeout;

    public RedisTarget(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
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
        try (RespConnection redis = open()) {
            redis.del(classIds.stream().map(RedisTarget::key).toList());
        }
    }

    @Override
    public Lane connect() throws IOException {
        RespConnection redis = open();
        return new Lane() {
            @Override
            public boolean checkIn(int classId, String matricula) throws IOException {
                return redis.sadd(key(classId), matricula) == 1;
            }

            @Override
            public void close() {
                try {
                    redis.close();
                } catch (IOException e) {
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
            counted.put(classId, redis.scard(key(classId)));
        });
        prepare(classIds);
        return ExactlyOnceCheck.counts(acked, counted, inDoubt);
    }

    private RespConnection open() throws IOException {
        try {
            return RespConnection.connect(host, port, timeout);
        } catch (IOException e) {
            throw new IOException("cannot connect to Redis at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
