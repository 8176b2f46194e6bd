package chamada.reliability;

import chamada.attendance.AuditEntry;
import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.protocol.Response;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.RollCall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one class back from a restarted server (its closed roll calls from {@code export}, its open
 * one from {@code status}, its corrections from {@code audit}) and holds it against the class's
 * ledger: every acknowledged write is there, nothing is there twice, and whatever is there that
 * was not acknowledged was sent and left unanswered.
 */
final class Checker {

    /** A roll call as stored, with its number where the server says it ({@code export}; not {@code status}). */
    private record Stored(Optional<Long> id, RollCall rollCall) {
        Instant openedAt() {
            return rollCall.openedAt().toInstant();
        }
    }

    private final List<String> lost = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<String> unexplained = new ArrayList<>();
    private final List<String> oddities = new ArrayList<>();
    private long uncertainKept;

    private Checker() {
    }

    static Verdict check(ChamadaClient teacher, ClassLedger ledger) {
        Checker checker = new Checker();
        checker.anomalies(ledger);
        List<Stored> stored = read(teacher, ledger);
        List<AuditEntry> audit = switch (teacher.audit(ledger.classId)) {
            case Response.Audit reply -> reply.entries();
            case Response other -> throw new IllegalStateException("audit of " + ledger.classId + " answered " + other);
        };
        checker.rollCalls(ledger, stored);
        checker.checkIns(ledger, stored);
        checker.corrections(ledger, stored, audit);
        return new Verdict(ledger.acknowledgedWrites(), ledger.uncertainWrites(), checker.uncertainKept,
                checker.lost, checker.duplicates, checker.unexplained, checker.oddities);
    }

    private static List<Stored> read(ChamadaClient teacher, ClassLedger ledger) {
        List<Stored> stored = new ArrayList<>();
        switch (teacher.export(ledger.classId)) {
            case Response.Export export -> {
                for (NumberedRollCall closed : export.rollCalls()) {
                    stored.add(new Stored(Optional.of(closed.id()), closed.rollCall()));
                }
            }
            case Response other -> throw new IllegalStateException("export of " + ledger.classId + " answered " + other);
        }
        switch (teacher.status(ledger.classId)) {
            case Response.RollCallReply open -> stored.add(new Stored(Optional.empty(), open.rollCall()));
            case Response.Refusal refusal when refusal.code() == ErrorCode.NOT_OPEN -> {
                // No open roll call.
            }
            case Response other -> throw new IllegalStateException("status of " + ledger.classId + " answered " + other);
        }
        return stored;
    }

    private void anomalies(ClassLedger ledger) {
        ledger.anomalies.forEach(anomaly -> unexplained.add(ledger.classId + ": " + anomaly));
    }

    private void rollCalls(ClassLedger ledger, List<Stored> stored) {
        Map<Instant, List<Stored>> byOpening = new HashMap<>();
        stored.forEach(rollCall -> byOpening.computeIfAbsent(rollCall.openedAt(), k -> new ArrayList<>()).add(rollCall));
        byOpening.forEach((openedAt, same) -> {
            if (same.size() > 1) {
                duplicates.add(ledger.classId + ": " + same.size() + " roll calls opened at " + openedAt);
            }
        });
        int matched = 0;
        for (ClassLedger.OpenedRollCall expected : ledger.rollCalls) {
            List<Stored> found = byOpening.getOrDefault(expected.openedAt.toInstant(), List.of());
            if (found.isEmpty()) {
                lost.add(ledger.classId + ": the roll call opened at " + expected.openedAt);
                continue;
            }
            matched++;
            RollCall rollCall = found.getFirst().rollCall();
            Optional<Long> id = found.getFirst().id();
            if (expected.closedAt.isPresent()) {
                if (rollCall.closedAt().map(at -> at.toInstant().equals(expected.closedAt.get().toInstant())).orElse(false)) {
                    checkId(ledger, expected, id);
                } else {
                    lost.add(ledger.classId + ": the close at " + expected.closedAt.get() + " of the roll call opened at "
                            + expected.openedAt + " (stored: " + rollCall.closedAt() + ")");
                }
            } else if (rollCall.closedAt().isPresent()) {
                if (expected.closeUncertain) {
                    uncertainKept++;
                    checkId(ledger, expected, id);
                } else {
                    unexplained.add(ledger.classId + ": the roll call opened at " + expected.openedAt
                            + " is closed, and no close was sent");
                }
            }
        }
        int extra = byOpening.size() - matched;
        if (extra == 1 && ledger.openUncertain) {
            uncertainKept++;
        } else if (extra > 0) {
            unexplained.add(ledger.classId + ": " + extra + " roll calls no acknowledged open made"
                    + (ledger.openUncertain ? " (one open was unanswered)" : ""));
        }
        long open = stored.stream().filter(rollCall -> rollCall.rollCall().isOpen()).count();
        if (open > 1) {
            duplicates.add(ledger.classId + ": " + open + " open roll calls");
        }
    }

    private void checkId(ClassLedger ledger, ClassLedger.OpenedRollCall expected, Optional<Long> id) {
        if (expected.id.isPresent() && id.isPresent() && !expected.id.equals(id)) {
            unexplained.add(ledger.classId + ": the roll call opened at " + expected.openedAt + " is number " + id.get()
                    + ", its corrections said " + expected.id.get());
        }
    }

    private void checkIns(ClassLedger ledger, List<Stored> stored) {
        Map<String, List<CheckIn>> byMatricula = new HashMap<>();
        for (Stored rollCall : stored) {
            for (CheckIn checkIn : rollCall.rollCall().present()) {
                byMatricula.computeIfAbsent(checkIn.matricula().value(), k -> new ArrayList<>()).add(checkIn);
                if (checkIn.at().isBefore(rollCall.rollCall().openedAt())) {
                    oddities.add(ledger.classId + ": " + checkIn.matricula() + " checked in at " + checkIn.at()
                            + ", before its roll call opened at " + rollCall.rollCall().openedAt());
                }
                rollCall.rollCall().closedAt().filter(checkIn.at()::isAfter).ifPresent(closedAt -> oddities.add(
                        ledger.classId + ": " + checkIn.matricula() + " checked in at " + checkIn.at()
                                + ", after its roll call closed at " + closedAt));
            }
        }
        byMatricula.forEach((matricula, found) -> {
            if (found.size() > 1) {
                duplicates.add(ledger.classId + ": " + matricula + " checked in " + found.size() + " times");
            }
            switch (ledger.checkIns.get(matricula)) {
                case ClassLedger.CheckInOutcome.Sent sent -> uncertainKept++;
                case ClassLedger.CheckInOutcome.Acked acked -> {
                    // Held against the ledger below.
                }
                case ClassLedger.CheckInOutcome.Refused refused ->
                        unexplained.add(ledger.classId + ": " + matricula + " was refused, and is checked in");
                case null -> unexplained.add(ledger.classId + ": " + matricula + " is checked in, and was never sent");
            }
        });
        ledger.checkIns.forEach((matricula, outcome) -> {
            if (outcome instanceof ClassLedger.CheckInOutcome.Acked acked) {
                boolean there = byMatricula.getOrDefault(matricula, List.of()).stream()
                        .anyMatch(checkIn -> checkIn.at().toInstant().equals(acked.at().toInstant()));
                if (!there) {
                    lost.add(ledger.classId + ": the check-in of " + matricula + " at " + acked.at());
                }
            }
        });
    }

    private void corrections(ClassLedger ledger, List<Stored> stored, List<AuditEntry> audit) {
        Map<String, List<AuditEntry>> byReason = new HashMap<>();
        audit.forEach(entry -> byReason.computeIfAbsent(entry.reason().value(), k -> new ArrayList<>()).add(entry));
        Map<String, ClassLedger.Correction> sent = new HashMap<>();
        ledger.corrections.forEach(correction -> sent.put(correction.reason(), correction));
        byReason.forEach((reason, entries) -> {
            if (entries.size() > 1) {
                duplicates.add(ledger.classId + ": the correction '" + reason + "' is " + entries.size()
                        + " times in the audit");
            }
            ClassLedger.Correction correction = sent.get(reason);
            if (correction == null || correction.answer() == Answer.NOT_DONE) {
                unexplained.add(ledger.classId + ": the audit has '" + reason + "', "
                        + (correction == null ? "never sent" : "which was refused"));
            } else if (correction.answer() == Answer.UNCERTAIN) {
                uncertainKept++;
            }
        });
        for (ClassLedger.Correction correction : ledger.corrections) {
            if (correction.answer() != Answer.DONE) {
                continue;
            }
            long rollCallId = correction.rollCallId().orElseThrow();
            boolean inAudit = byReason.getOrDefault(correction.reason(), List.of()).stream().anyMatch(entry ->
                    entry.rollCallId() == rollCallId && entry.matricula().value().equals(correction.matricula())
                            && entry.to() == correction.to());
            if (!inAudit) {
                lost.add(ledger.classId + ": the audit entry of the correction '" + correction.reason() + "'");
            }
            Optional<RollCall> rollCall = rollCall(ledger, stored, rollCallId);
            Optional<AttendanceStatus> status = rollCall.flatMap(found -> Optional.ofNullable(
                    found.statuses().get(new Matricula(correction.matricula()))));
            if (status.isEmpty() || status.get() != correction.to()) {
                lost.add(ledger.classId + ": the correction '" + correction.reason() + "' of " + correction.matricula()
                        + " to " + correction.to() + " in roll call " + rollCallId + " (stored: " + status + ")");
            }
        }
    }

    /** Roll call {@code id}: from the export when closed, else the open one that the ledger knows by that number. */
    private static Optional<RollCall> rollCall(ClassLedger ledger, List<Stored> stored, long id) {
        Optional<RollCall> closed = stored.stream().filter(rollCall -> rollCall.id().equals(Optional.of(id)))
                .map(Stored::rollCall).findFirst();
        if (closed.isPresent()) {
            return closed;
        }
        return ledger.rollCalls.stream().filter(rollCall -> rollCall.id.equals(Optional.of(id))).findFirst()
                .flatMap(expected -> stored.stream().filter(rollCall -> rollCall.openedAt()
                        .equals(expected.openedAt.toInstant())).map(Stored::rollCall).findFirst());
    }
}
