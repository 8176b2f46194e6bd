package chamada.bench;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A Chamada server over its native port. Classes are opened, listed and closed through the one
 * client library, {@link ChamadaClient}; check-ins go over lanes on the run's event loops
 * ({@link LineLane}), which send the very line {@code ChamadaClient} sends and read its reply as
 * it would ({@link ChamadaLines}), at a fraction of a blocking client's CPU on the cores the
 * server shares. The server must be in open mode (no teachers file), because the bench opens
 * and closes its own classes.
 */
public final class ChamadaTarget implements Target {

    private final String host;
    private final int port;
    /** {@link #port} first, then other nodes' ports on the same database: the lanes take them in turn. */
    private final List<Integer> lanePorts;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final Duration timeout;

    /** The server at {@code host:port}; check-ins also go to the nodes at {@code otherNodes}' ports, in turn. */
    public ChamadaTarget(String host, int port, List<Integer> otherNodes, Duration timeout) {
        this.host = host;
        this.port = port;
        this.lanePorts = Stream.concat(Stream.of(port), otherNodes.stream()).toList();
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "chamada";
    }

    /** Opens each class; one left open by an earlier run is closed and opened again, so it starts empty. */
    @Override
    public void prepare(List<Integer> classIds) throws IOException {
        Parallel.forEach(classIds, this::teacher, (teacher, classId) -> {
            ClassId id = new ClassId(classId);
            Response opened = teacher.open(id);
            if (opened instanceof Response.Failure failure && failure.code() == ErrorCode.ALREADY_OPEN) {
                expect(teacher.close(id), Response.RollCallReply.class, "close class " + classId);
                opened = teacher.open(id);
            }
            expect(opened, Response.Opened.class, "open class " + classId);
        });
    }

    /** A connection of its own on the loops, speaking the native protocol ({@link ChamadaLines}). */
    @Override
    public CompletableFuture<Lane> connect(LaneLoops loops, Consumer<CheckInReply> replies) {
        int lanePort = lanePorts.get(Math.floorMod(nextLane.getAndIncrement(), lanePorts.size()));
        return LineLane.connect(loops, host, lanePort, timeout, "Chamada at " + host + ":" + lanePort,
                ChamadaLines.INSTANCE, replies);
    }

    /** Lists each class with {@code status}, compares per matrícula, then closes the classes. */
    @Override
    public ExactlyOnce verify(Map<Integer, long[]> acknowledged, long inDoubt) throws IOException {
        Map<Integer, long[]> present = new ConcurrentHashMap<>();
        List<Integer> classIds = List.copyOf(acknowledged.keySet());
        Parallel.forEach(classIds, this::teacher, (teacher, classId) -> {
            Response.RollCallReply status = expect(teacher.status(new ClassId(classId)), Response.RollCallReply.class,
                    "status of class " + classId);
            List<CheckIn> listed = status.rollCall().present();
            long[] matriculas = new long[listed.size()];
            for (int i = 0; i < matriculas.length; i++) {
                matriculas[i] = Long.parseLong(listed.get(i).matricula().value());
            }
            present.put(classId, matriculas);
        });
        Parallel.forEach(classIds, this::teacher, (teacher, classId) ->
                expect(teacher.close(new ClassId(classId)), Response.RollCallReply.class, "close class " + classId));
        return ExactlyOnceCheck.members(acknowledged, present, inDoubt);
    }

    private ChamadaClient teacher() throws IOException {
        try {
            return ChamadaClient.connect(host, port, Lang.EN, timeout);
        } catch (UncheckedIOException e) {
            throw new IOException("cannot connect to Chamada at " + host + ":" + port + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** {@code reply} as a {@code type}; otherwise what the server said, with a hint when it is not in open mode. */
    static <R extends Response> R expect(Response reply, Class<R> type, String what) throws IOException {
        if (type.isInstance(reply)) {
            return type.cast(reply);
        }
        String said = reply instanceof Response.Refusal refusal ? refusal.code().wireName() + ": " + refusal.message()
                : "the reply " + reply;
        String hint = !(reply instanceof Response.Failure f) ? ""
                : f.code() == ErrorCode.AUTH_REQUIRED ? " (the bench opens its own classes, so it needs a server in open"
                        + " mode: no teachers' accounts in its store and no --teachers, as on a fresh --db)"
                : f.code() == ErrorCode.OPEN_MODE_LOCAL_ONLY
                        ? " (in open mode the web front takes teachers' calls only from the server's machine: run the bench there)"
                : "";
        throw new IOException("cannot " + what + ": " + said + hint);
    }
}
