package chamada.store;

import chamada.attendance.Mark;
import chamada.attendance.MarkResult;
import chamada.privacy.Forget;
import chamada.privacy.ForgetResult;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInCode;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.TeacherName;
import chamada.roster.Roster;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded store's rules, decided: the open roll call of each class, its check-in rules
 * (codes, devices) and who is in it, the next roll-call id, and each class's roster. Every command is decided here, and only here, in the order the
 * journal writer takes them, so each decision and the write it makes are one atomic step.
 *
 * <p>Built at start from what SQLite holds once the journal is replayed; after that, the only
 * in-memory truth about roll calls. Confined to the journal writer's thread.
 */
final class OpenRollCalls {

    /** A device's check-in in one roll call: when it first checked in, and the matrícula it stands for now. */
    private record DeviceUse(OffsetDateTime firstAt, Matricula matricula) {
    }

    /** One open roll call: who is present, in arrival order, and which devices checked in whom. */
    private static final class Open {
        final long id;
        final ClassId classId;
        final TeacherName owner;
        final OffsetDateTime openedAt;
        final CheckInRules rules;
        final Arrivals present = new Arrivals();
        final Map<DeviceId, DeviceUse> devices = new HashMap<>();
        /** The statuses a teacher set in this roll call: its close does not make those students absent. */
        final Map<Matricula, AttendanceStatus> marked = new HashMap<>();

        Open(long id, ClassId classId, TeacherName owner, OffsetDateTime openedAt, CheckInRules rules) {
            this.id = id;
            this.classId = classId;
            this.owner = owner;
            this.openedAt = openedAt;
            this.rules = rules;
        }

        void add(CheckIn checkIn) {
            present.add(checkIn);
            checkIn.device().ifPresent(device -> devices.putIfAbsent(device, new DeviceUse(checkIn.at(), checkIn.matricula())));
        }

        RollCall snapshot(Optional<OffsetDateTime> closedAt) {
            return snapshot(closedAt, List.of());
        }

        RollCall snapshot(Optional<OffsetDateTime> closedAt, List<Matricula> absent) {
            Map<Matricula, AttendanceStatus> statuses = new HashMap<>(marked);
            absent.forEach(matricula -> statuses.put(matricula, AttendanceStatus.ABSENT));
            return new RollCall(classId, owner, openedAt, closedAt, present.inOrder(), rules, statuses);
        }
    }

    private final Map<ClassId, Open> byClass = new HashMap<>();
    /** {@code byClass}'s size, for a gauge read off the writer's thread (the map is the writer's alone). */
    private volatile int openCount;
    /** Every roll call ever opened, by id, for corrections; and each class's latest. */
    private final Map<Long, KnownRollCall> known = new HashMap<>();
    private final Map<ClassId, Long> latest = new HashMap<>();
    /** Every class's roster, name by matrícula; a class without one is not here. */
    private final Map<ClassId, Map<Matricula, StudentName>> rosters = new HashMap<>();
    private long lastId;
    /** The audit's numbers are given here, so that the store reads back exactly the record a mark wrote. */
    private long lastAuditId;

    /**
     * The rules' state of a store whose open roll calls are {@code open}, whose highest
     * roll-call id is {@code highestId}, whose classes have {@code rosters}, which holds
     * {@code rollCalls} in all, and whose highest audit record is {@code highestAuditId}.
     */
    OpenRollCalls(List<StoredRollCall> open, long highestId, List<Roster> rosters, List<KnownRollCall> rollCalls,
                  long highestAuditId) {
        this.lastId = highestId;
        this.lastAuditId = highestAuditId;
        rosters.forEach(roster -> this.rosters.put(roster.classId(), Map.copyOf(roster.byMatricula())));
        for (KnownRollCall rollCall : rollCalls) {
            known.put(rollCall.id(), rollCall);
            latest.merge(rollCall.classId(), rollCall.id(), Math::max);
        }
        for (StoredRollCall stored : open) {
            RollCall rollCall = stored.rollCall();
            Open restored = new Open(stored.id(), rollCall.classId(), rollCall.teacher(), rollCall.openedAt(),
                    rollCall.rules());
            rollCall.present().forEach(restored::add);
            stored.devicesFirstAt().forEach((device, firstAt) -> restored.devices.computeIfPresent(device,
                    (d, use) -> new DeviceUse(firstAt, use.matricula())));
            restored.marked.putAll(rollCall.statuses());
            byClass.put(rollCall.classId(), restored);
        }
        openCount = byClass.size();
    }

    /** How many roll calls are open, as of the last command decided; read by any thread. */
    int openCount() {
        return openCount;
    }

    /** Decides {@code command} and counts its write, if any, as made. */
    Decision<?> decide(Command<?> command) {
        Decision<?> decision = decideOne(command);
        openCount = byClass.size();
        return decision;
    }

    private Decision<?> decideOne(Command<?> command) {
        return switch (command) {
            case Command.Open open -> open(open);
            case Command.CheckIn checkIn -> checkIn(checkIn);
            case Command.Close close -> close(close);
            case Command.OpenList list -> new Decision<>(list, byClass.values().stream()
                    .sorted(java.util.Comparator.comparing(open -> open.classId.value()))
                    .map(open -> open.snapshot(Optional.empty())).toList());
            case Command.OpenedBefore before -> new Decision<>(before, byClass.values().stream()
                    .filter(open -> !open.openedAt.isAfter(before.cutoff())).map(open -> open.classId)
                    .sorted(java.util.Comparator.comparingInt(ClassId::value)).toList());
            case Command.Status status -> new Decision<>(status,
                    Optional.ofNullable(byClass.get(status.classId())).map(open -> open.snapshot(Optional.empty())));
            case Command.ReplaceRoster replace -> replaceRoster(replace);
            case Command.Mark mark -> mark(mark);
            case Command.Forget forget -> forget(forget);
            case Command.Purge purge -> purge(purge);
            case Command.NamesOf names -> new Decision<>(names, rosters.containsKey(names.classId())
                    ? new RosterNames(true, rosters.get(names.classId())) : RosterNames.none());
        };
    }

    /**
     * A correction, in the roll call it names or the class's latest, unless locked. The status
     * before is not known here (a closed roll call's check-ins are not kept in memory): the applier
     * finds it in SQLite, at this point of the journal, for the audit, and the store reads it back
     * for the reply.
     */
    private Decision<MarkResult> mark(Command.Mark command) {
        Mark mark = command.mark();
        Optional<KnownRollCall> target = mark.rollCallId().or(() -> Optional.ofNullable(latest.get(mark.classId())))
                .map(known::get).filter(rollCall -> rollCall.classId().equals(mark.classId()));
        if (target.isEmpty()) {
            return new Decision<>(command, new MarkResult.NoRollCall(mark.classId(), mark.rollCallId()));
        }
        KnownRollCall rollCall = target.get();
        if (rollCall.closedAt().isPresent() && !mark.mayUnlock()) {
            OffsetDateTime lockedSince = rollCall.closedAt().get().plus(mark.editWindow());
            if (mark.at().isAfter(lockedSince)) {
                return new Decision<>(command, new MarkResult.Locked(mark.classId(), rollCall.id(), lockedSince));
            }
        }
        Open open = byClass.get(mark.classId());
        if (open != null && open.id == rollCall.id()) {
            open.marked.put(mark.matricula(), mark.status());
        }
        long auditId = ++lastAuditId;
        return new Decision<>(command, new MarkResult.Marked(mark.classId(), rollCall.id(), Optional.empty(),
                mark.status(), mark.at(), auditId),
                Optional.of(new Write.Mark(auditId, rollCall.id(), mark.matricula(), mark.status(), mark.reason(),
                        mark.teacher(), millis(mark.at()))),
                Optional.of(new RollCallEvent.Marked(mark.classId(), rollCall.id(), mark.matricula(), mark.status(),
                        mark.at())));
    }

    /**
     * A forget, unless the student is present or marked in an open roll call: those the writer
     * keeps in memory, by matrícula, for decisions still to come. The student leaves the rosters
     * it keeps at once, as SQLite's.
     */
    private Decision<ForgetResult> forget(Command.Forget command) {
        Forget forget = command.forget();
        Matricula matricula = forget.matricula();
        Optional<ClassId> open = byClass.values().stream()
                .filter(rollCall -> rollCall.present.at(matricula).isPresent() || rollCall.marked.containsKey(matricula))
                .map(rollCall -> rollCall.classId).min(java.util.Comparator.comparingInt(ClassId::value));
        if (open.isPresent()) {
            return new Decision<>(command, new ForgetResult.InOpenRollCall(open.get()));
        }
        rosters.replaceAll((classId, roster) -> {
            if (!roster.containsKey(matricula)) {
                return roster;
            }
            Map<Matricula, StudentName> without = new HashMap<>(roster);
            without.remove(matricula);
            return Map.copyOf(without);
        });
        rosters.values().removeIf(Map::isEmpty); // a roster of one, forgotten: the class has none, as in SQLite
        return new Decision<>(command, new ForgetResult.Forgotten(forget.pseudonym()),
                Optional.of(new Write.Forget(matricula, forget.pseudonym(), forget.administrator(), millis(forget.at()))),
                Optional.empty());
    }

    /**
     * A retention purge: the roll calls it deletes are forgotten here too, so that a correction
     * naming one is refused as unknown, and a class whose latest goes has none to correct.
     */
    private Decision<Integer> purge(Command.Purge command) {
        List<Long> old = known.values().stream().filter(rollCall -> rollCall.closedAt()
                .filter(closedAt -> closedAt.isBefore(command.cutoff())).isPresent()).map(KnownRollCall::id).toList();
        old.forEach(id -> latest.remove(known.remove(id).classId(), id));
        return new Decision<>(command, old.size(), Optional.of(new Write.Purge(millis(command.cutoff()))),
                Optional.empty());
    }

    private Decision<RosterChange> replaceRoster(Command.ReplaceRoster command) {
        Map<Matricula, StudentName> before = rosters.getOrDefault(command.classId(), Map.of());
        Map<Matricula, StudentName> after = new LinkedHashMap<>();
        int added = 0;
        int renamed = 0;
        for (RosterEntry entry : command.students()) {
            after.put(entry.matricula(), entry.name());
            StudentName old = before.get(entry.matricula());
            if (old == null) {
                added++;
            } else if (!old.equals(entry.name())) {
                renamed++;
            }
        }
        int removed = (int) before.keySet().stream().filter(matricula -> !after.containsKey(matricula)).count();
        if (after.isEmpty()) {
            rosters.remove(command.classId());
        } else {
            rosters.put(command.classId(), Map.copyOf(after)); // immutable: a names read shares it, uncopied
        }
        return new Decision<>(command, new RosterChange(command.classId(), added, renamed, removed, after.size()),
                Optional.of(new Write.Roster(command.classId(), command.students())), Optional.empty());
    }

    private Decision<OpenResult> open(Command.Open command) {
        Open existing = byClass.get(command.classId());
        if (existing != null) {
            return new Decision<>(command, new OpenResult.AlreadyOpen(command.classId(), existing.openedAt));
        }
        Open opened = new Open(++lastId, command.classId(), command.teacher(), command.at(), command.rules());
        byClass.put(command.classId(), opened);
        known.put(opened.id, new KnownRollCall(opened.id, opened.classId, Optional.empty()));
        latest.put(opened.classId, opened.id);
        return new Decision<>(command,
                new OpenResult.Opened(opened.id, opened.classId, opened.owner, opened.openedAt, opened.rules),
                Optional.of(new Write.Open(opened.id, opened.classId, opened.owner, millis(opened.openedAt),
                        opened.rules)),
                Optional.of(new RollCallEvent.Opened(opened.classId, opened.openedAt)));
    }

    /** The rules in the contract's order: open, then the code, then a repeat, then the roster, then the device. */
    private Decision<CheckInResult> checkIn(Command.CheckIn command) {
        ClassId classId = command.attempt().classId();
        Open open = byClass.get(classId);
        if (open == null) {
            return unwritten(command, new CheckInResult.NotOpen(classId, command.attempt().at()));
        }
        CheckInAttempt attempt = command.attempt().notBefore(open.openedAt);
        if (open.rules.policy().needsCode()) {
            if (attempt.code().isEmpty()) {
                return unwritten(command, new CheckInResult.CodeRequired(classId, attempt.at()));
            }
            String code = attempt.code().get();
            if (!CheckInCode.accepts(open.rules, code, attempt.at().toInstant())) {
                return unwritten(command, new CheckInResult.WrongCode(classId, attempt.at(),
                        !CheckInCode.recentlyAccepted(open.rules, code, attempt.at().toInstant())));
            }
        }
        Optional<OffsetDateTime> earlier = open.present.at(attempt.matricula());
        if (earlier.isPresent()) {
            return unwritten(command, new CheckInResult.AlreadyRegistered(classId, earlier.get(),
                    open.rules.isLate(open.openedAt, earlier.get())));
        }
        Map<Matricula, StudentName> roster = rosters.get(classId);
        if (roster != null && !open.rules.acceptUnknown() && !roster.containsKey(attempt.matricula())) {
            return unwritten(command, new CheckInResult.NotInRoster(classId, attempt.matricula(), attempt.at()));
        }
        boolean late = open.rules.isLate(open.openedAt, attempt.at());
        CheckIn checkIn = new CheckIn(attempt.matricula(), attempt.at(), attempt.device());
        Optional<DeviceUse> used = open.rules.sharedDevices() ? Optional.empty()
                : attempt.device().map(open.devices::get);
        if (used.isPresent()) {
            DeviceUse use = used.get();
            if (attempt.at().isAfter(use.firstAt().plus(CheckInRules.REPLACE_WINDOW))) {
                return unwritten(command, new CheckInResult.DeviceAlreadyUsed(classId, attempt.at()));
            }
            DeviceId device = attempt.device().orElseThrow();
            open.present.remove(use.matricula());
            open.present.add(checkIn);
            open.devices.put(device, new DeviceUse(use.firstAt(), attempt.matricula()));
            return new Decision<>(command, new CheckInResult.Replaced(classId, use.matricula(), attempt.at(), late),
                    Optional.of(new Write.Replace(open.id, device, use.matricula(), attempt.matricula(),
                            millis(attempt.at()), millis(use.firstAt()))),
                    Optional.of(new RollCallEvent.CheckedIn(classId, attempt.matricula(), attempt.at(),
                            open.present.size(), Optional.of(use.matricula()))));
        }
        open.add(checkIn);
        return new Decision<>(command, new CheckInResult.Registered(classId, attempt.at(), late),
                Optional.of(new Write.CheckIn(open.id, attempt.matricula(), millis(attempt.at()), attempt.device())),
                Optional.of(new RollCallEvent.CheckedIn(classId, attempt.matricula(), attempt.at(), open.present.size(),
                        Optional.empty())));
    }

    /** An outcome that writes nothing. */
    private static Decision<CheckInResult> unwritten(Command.CheckIn command, CheckInResult outcome) {
        return new Decision<>(command, outcome);
    }

    private Decision<CloseResult> close(Command.Close command) {
        Open open = byClass.get(command.classId());
        if (open == null) {
            return new Decision<>(command, new CloseResult.NotOpen(command.classId()));
        }
        if (!command.mayClose(open.owner)) {
            return new Decision<>(command, new CloseResult.NotOwner(command.classId(), open.owner));
        }
        byClass.remove(command.classId());
        known.put(open.id, new KnownRollCall(open.id, open.classId, Optional.of(command.at())));
        // The applier makes the same list from SQLite's roster at this point of the journal (SqliteBatch).
        List<Matricula> absent = rosters.getOrDefault(command.classId(), Map.of()).keySet().stream()
                .filter(matricula -> open.present.at(matricula).isEmpty() && !open.marked.containsKey(matricula)).toList();
        return new Decision<>(command, new CloseResult.Closed(open.snapshot(Optional.of(command.at()), absent)),
                Optional.of(new Write.Close(open.id, millis(command.at()), Optional.of(command.teacher()))),
                Optional.of(new RollCallEvent.Closed(command.classId(), command.at(), open.present.size())));
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
