package chamada.reliability;

import chamada.client.ChamadaClient;
import chamada.i18n.Lang;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.RollCall;
import chamada.testing.CheckInsUntilKilled;
import chamada.testing.ChildServer;
import chamada.testing.TestServer;
import chamada.testing.VolatileMount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static chamada.testing.Replies.as;

/**
 * The power-loss campaign: a server whose database and journal live on a {@link VolatileMount},
 * under check-in load, killed with SIGKILL at a random moment and the power cut under it (every
 * write not fsynced dropped), then started again on what the disk kept, {@code cuts} times.
 * After each restart every acknowledged write of every earlier round is looked for: the
 * check-ins, and the roll calls opened and closed. The same code runs the suite's short version
 * and {@code reliability/power-loss}'s full one.
 */
final class PowerCuts {

    private static final int CLASSES = 4;
    private static final int WRITERS = 16;
    static final int FEWEST_ACKS = 100;
    private static final int MOST_ACKS = 2_000;

    private final Path dir;
    private final List<String> jvmOptions;
    private final Random random;
    /** What was acknowledged, kept across rounds: check-ins by class, and whether each class was left open. */
    private final Map<Integer, Set<String>> checkIns = new HashMap<>();
    private final Map<Integer, Boolean> open = new HashMap<>();
    private long opensAndCloses;

    PowerCuts(Path dir, List<String> jvmOptions, long seed) {
        this.dir = dir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.random = new Random(seed);
    }

    /** Runs {@code cuts} rounds and what the disk kept after each; the log of every server goes to {@link #log()}. */
    PowerCutFigures run(int cuts) throws Exception {
        long lostAtWorst = 0;
        int roundsWithLoss = 0;
        try (VolatileMount mount = VolatileMount.mount(dir.resolve("layer"))) {
            Path database = mount.path().resolve("chamada.db");
            for (int round = 0; round <= cuts; round++) {
                if (round > 0) {
                    mount.remount();
                }
                try (ChildServer server = ChildServer.start(database, jvmOptions, log())) {
                    long lost = lost(server.port());
                    // A write lost stays lost: more than before is what this cut lost.
                    roundsWithLoss += lost > lostAtWorst ? 1 : 0;
                    lostAtWorst = Math.max(lostAtWorst, lost);
                    if (round < cuts) {
                        load(server, mount, round);
                    }
                }
            }
        }
        long acknowledged = checkIns.values().stream().mapToLong(Set::size).sum();
        return new PowerCutFigures(cuts, acknowledged, opensAndCloses, lostAtWorst, roundsWithLoss);
    }

    Path log() {
        return dir.resolve("servers.log");
    }

    private void load(ChildServer server, VolatileMount mount, int round) throws Exception {
        int firstClass = 1 + round * CLASSES;
        try (ChamadaClient teacher = client(server.port())) {
            for (int c = firstClass - CLASSES; c > 0 && c < firstClass; c++) {
                if (teacher.close(new ClassId(c)) instanceof Response.RollCallReply) {
                    open.put(c, false);
                    opensAndCloses++;
                }
            }
            for (int c = firstClass; c < firstClass + CLASSES; c++) {
                as(teacher.open(new ClassId(c)), Response.Opened.class);
                open.put(c, true);
                opensAndCloses++;
            }
        }
        int acksBeforeCut = FEWEST_ACKS + random.nextInt(MOST_ACKS - FEWEST_ACKS);
        Map<Integer, Set<String>> acknowledged = CheckInsUntilKilled.run(server.port(), firstClass, CLASSES, WRITERS,
                acksBeforeCut, () -> {
                    server.kill();
                    try {
                        mount.cut();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        acknowledged.forEach((c, matriculas) -> checkIns.computeIfAbsent(c, k -> new HashSet<>()).addAll(matriculas));
    }

    /** How many acknowledged writes the server on {@code port} does not have: check-ins, opens and closes. */
    private long lost(int port) {
        long lost = 0;
        try (ChamadaClient teacher = client(port)) {
            for (Map.Entry<Integer, Boolean> expected : open.entrySet()) {
                Set<String> acknowledged = checkIns.getOrDefault(expected.getKey(), Set.of());
                Optional<RollCall> found = rollCall(teacher, new ClassId(expected.getKey()), expected.getValue());
                if (found.isPresent()) {
                    Set<String> present = found.get().present().stream()
                            .map(checkIn -> checkIn.matricula().value()).collect(Collectors.toSet());
                    lost += acknowledged.stream().filter(matricula -> !present.contains(matricula)).count();
                } else {
                    lost += acknowledged.size() + 1;
                }
            }
        }
        return lost;
    }

    /** The class's one roll call, if it is open or closed as {@code open} says. */
    private static Optional<RollCall> rollCall(ChamadaClient teacher, ClassId classId, boolean open) {
        if (open) {
            return teacher.status(classId) instanceof Response.RollCallReply reply && reply.rollCall().isOpen()
                    ? Optional.of(reply.rollCall()) : Optional.empty();
        }
        return teacher.export(classId) instanceof Response.Export export
                ? export.rollCalls().stream().map(NumberedRollCall::rollCall).filter(r -> !r.isOpen()).findFirst()
                : Optional.empty();
    }

    private static ChamadaClient client(int port) {
        return ChamadaClient.connect("127.0.0.1", port, Lang.EN, TestServer.CLIENT_TIMEOUT);
    }
}
