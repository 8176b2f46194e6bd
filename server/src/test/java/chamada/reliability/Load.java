package chamada.reliability;

import chamada.attendance.Reason;
import chamada.client.ChamadaClient;
import chamada.client.ServerRefusedException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.ProtocolException;
import chamada.protocol.Response;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.Matricula;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A round's connections, each on a virtual thread with a blocking client: one teacher per class,
 * opening, correcting and closing its roll calls in turn, and students checking in, each under a
 * matrícula no other request of the round uses, into any of the round's classes. Every request is
 * written down as sent before it goes, and its reply, if one comes, replaces that: so a request
 * the crash left unanswered stays "sent". A thread stops at its first unanswered request, or
 * when told to.
 */
final class Load {

    private static final AttendanceStatus[] STATUSES = AttendanceStatus.values();
    private static final AttendanceStatus[] CORRECTIONS_OF_CHECK_INS =
            {AttendanceStatus.LATE, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT};

    private final int port;
    private final int round;
    private final List<ClassLedger> classes;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> running = new ArrayList<>();
    private final CountDownLatch connected;

    private Load(int port, int round, List<ClassLedger> classes, int connections) {
        this.port = port;
        this.round = round;
        this.classes = classes;
        this.connected = new CountDownLatch(connections);
    }

    /** Starts {@code connections} connections to {@code port}: one teacher per class of {@code classes}, the rest students. */
    static Load start(int port, int round, List<ClassLedger> classes, int connections, SplittableRandom random) {
        Load load = new Load(port, round, classes, connections);
        for (ClassLedger ledger : classes) {
            SplittableRandom own = random.split();
            load.running.add(load.threads.submit(() -> load.teach(ledger, own)));
        }
        for (int s = 0; s < connections - classes.size(); s++) {
            int student = s;
            SplittableRandom own = random.split();
            load.running.add(load.threads.submit(() -> load.checkIn(student, own)));
        }
        return load;
    }

    /** Waits until every connection is made (or failed), so that the kill comes under the whole load. */
    void awaitConnected() throws InterruptedException {
        if (!connected.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(connected.getCount() + " connections still not made after 2 minutes");
        }
    }

    /** Asks every thread to stop after its request in flight, and waits for them all. */
    void stop() throws Exception {
        stopping.set(true);
        for (Future<?> thread : running) {
            thread.get(3, TimeUnit.MINUTES);
        }
        threads.shutdown();
    }

    private void checkIn(int student, SplittableRandom random) {
        try (ChamadaClient client = connect()) {
            for (int i = 0; !stopping.get(); i++) {
                ClassLedger ledger = classes.get(random.nextInt(classes.size()));
                String matricula = String.format("1%05d%08d", student, i);
                ledger.checkInSent(matricula);
                Response reply = client.checkIn(new Matricula(matricula), ledger.classId);
                switch (reply) {
                    case Response.CheckedIn checkedIn when !checkedIn.alreadyRegistered() ->
                            ledger.checkIn(matricula, new ClassLedger.CheckInOutcome.Acked(checkedIn.at()));
                    case Response.Refusal refusal when Answer.of(refusal) == Answer.NOT_DONE ->
                            ledger.checkIn(matricula, new ClassLedger.CheckInOutcome.Refused());
                    case Response.Refusal refusal -> {
                        // The store could not tell: the check-in stays "sent".
                    }
                    default -> ledger.anomalies.add("check-in of the new matrícula " + matricula + " answered " + reply);
                }
            }
        } catch (UncheckedIOException | ProtocolException | ServerRefusedException killed) {
            // The server died under this connection: what it answered before is written down.
        }
    }

    private void teach(ClassLedger ledger, SplittableRandom random) {
        int corrections = 0;
        try (ChamadaClient teacher = connect()) {
            while (!stopping.get()) {
                Optional<ClassLedger.OpenedRollCall> opened = open(teacher, ledger);
                if (opened.isEmpty()) {
                    return;
                }
                ClassLedger.OpenedRollCall rollCall = opened.get();
                for (int k = 1 + random.nextInt(15); k > 0 && !stopping.get(); k--) {
                    if (!correct(teacher, ledger, rollCall, random, corrections++, Optional.empty())) {
                        return;
                    }
                }
                if (stopping.get() || !close(teacher, ledger, rollCall)) {
                    return;
                }
                if (random.nextInt(3) == 0 && rollCall.id.isPresent()
                        && !correct(teacher, ledger, rollCall, random, corrections++, rollCall.id)) {
                    return;
                }
            }
        } catch (UncheckedIOException | ProtocolException | ServerRefusedException killed) {
            // The server died under this connection: the request in flight is written down as sent.
        }
    }

    /** Opens the class's roll call; empty when the open was not acknowledged, which ends this teacher's round. */
    private Optional<ClassLedger.OpenedRollCall> open(ChamadaClient teacher, ClassLedger ledger) {
        while (!stopping.get()) {
            ledger.openUncertain = true;
            Response reply = teacher.open(ledger.classId);
            ledger.openUncertain = false;
            switch (reply) {
                case Response.Opened opened -> {
                    ClassLedger.OpenedRollCall rollCall = new ClassLedger.OpenedRollCall(opened.openedAt());
                    ledger.rollCalls.add(rollCall);
                    return Optional.of(rollCall);
                }
                case Response.Refusal refusal when Answer.of(refusal) == Answer.NOT_DONE
                        && refusal.code() != ErrorCode.ALREADY_OPEN -> {
                    // The store is down: nothing was opened; ask again.
                }
                case Response.Refusal refusal when Answer.of(refusal) == Answer.UNCERTAIN -> {
                    ledger.openUncertain = true;
                    return Optional.empty();
                }
                default -> {
                    ledger.anomalies.add("open answered " + reply);
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Closes {@code rollCall}; false when the close was not acknowledged. */
    private boolean close(ChamadaClient teacher, ClassLedger ledger, ClassLedger.OpenedRollCall rollCall) {
        while (!stopping.get()) {
            rollCall.closeUncertain = true;
            Response reply = teacher.close(ledger.classId);
            rollCall.closeUncertain = false;
            switch (reply) {
                case Response.RollCallReply closed when closed.rollCall().closedAt().isPresent() -> {
                    rollCall.closedAt = closed.rollCall().closedAt();
                    return true;
                }
                case Response.Refusal refusal when Answer.of(refusal) == Answer.NOT_DONE
                        && refusal.code() != ErrorCode.NOT_OPEN -> {
                    // The store is down: nothing was closed; ask again.
                }
                case Response.Refusal refusal when Answer.of(refusal) == Answer.UNCERTAIN -> {
                    rollCall.closeUncertain = true;
                    return false;
                }
                default -> {
                    ledger.anomalies.add("close answered " + reply);
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Corrects a student of {@code rollCall} (the class's latest when {@code id} is empty): one
     * acknowledged as checked in to it, or one who never checked in; false when the correction was
     * not answered, or was answered against the rules.
     */
    private boolean correct(ChamadaClient teacher, ClassLedger ledger, ClassLedger.OpenedRollCall rollCall,
                            SplittableRandom random, int n, Optional<Long> id) {
        Optional<ClassLedger.AckedCheckIn> checkedIn = nextCheckedIn(ledger, rollCall);
        String matricula = checkedIn.map(ClassLedger.AckedCheckIn::matricula)
                .orElseGet(() -> String.format("2%08d%06d", ledger.classId.value(), n));
        AttendanceStatus to = checkedIn.isPresent()
                ? CORRECTIONS_OF_CHECK_INS[random.nextInt(CORRECTIONS_OF_CHECK_INS.length)]
                : STATUSES[random.nextInt(STATUSES.length)];
        String reason = "kill9 r" + round + " c" + ledger.classId.value() + " n" + n;
        int index = ledger.corrections.size();
        ledger.corrections.add(new ClassLedger.Correction(matricula, to, reason, Answer.UNCERTAIN, id));
        Response reply = teacher.mark(ledger.classId, new Matricula(matricula), to, new Reason(reason), id);
        switch (reply) {
            case Response.Marked marked -> {
                ledger.corrections.set(index, new ClassLedger.Correction(matricula, to, reason, Answer.DONE,
                        Optional.of(marked.rollCallId())));
                if (rollCall.id.isPresent() && rollCall.id.get() != marked.rollCallId()) {
                    ledger.anomalies.add("correction " + reason + " went to roll call " + marked.rollCallId()
                            + ", not " + rollCall.id.get());
                }
                rollCall.id = Optional.of(marked.rollCallId());
                return true;
            }
            case Response.Refusal refusal when Answer.of(refusal) == Answer.NOT_DONE -> {
                ledger.corrections.set(index, new ClassLedger.Correction(matricula, to, reason, Answer.NOT_DONE, id));
                return true;
            }
            case Response.Refusal refusal -> {
                return false;
            }
            default -> {
                ledger.anomalies.add("correction " + reason + " answered " + reply);
                return false;
            }
        }
    }

    /** A check-in acknowledged into {@code rollCall} and not corrected yet; older ones are dropped. */
    private static Optional<ClassLedger.AckedCheckIn> nextCheckedIn(ClassLedger ledger,
                                                                    ClassLedger.OpenedRollCall rollCall) {
        if (rollCall.closedAt.isPresent()) {
            return Optional.empty();
        }
        for (ClassLedger.AckedCheckIn next = ledger.toCorrect.poll(); next != null; next = ledger.toCorrect.poll()) {
            if (!next.at().isBefore(rollCall.openedAt)) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    /** Connects, counting the connection as made whether it was or failed. */
    private ChamadaClient connect() {
        try {
            return ChamadaClient.connect("127.0.0.1", port, Lang.EN, Duration.ofMinutes(2));
        } finally {
            connected.countDown();
        }
    }
}
