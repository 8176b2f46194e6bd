package chamada.store;

import chamada.attendance.Reason;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random journal writes for the journal tests: any field values the types allow, or a
 * valid history (the schema would accept every write, in order).
 */
final class RandomWrites {

    /** Names with letters outside ASCII, as teachers' names have; the last is 64 letters, each two UTF-16 units. */
    static final List<String> TEACHERS = List.of("ana", "Conceição", "José_da-Silva.2", "Ælfríð", "李小龙",
            "Øyvind", "(open)", "x", "𝒜".repeat(64));
    private static final List<String> STUDENTS = List.of("Ana", "Conceição \"Ção\" Araújo", "Ælfríð", "李小龙", "Øyvind", "x");

    private RandomWrites() {
    }

    /** One write of any kind, with fields anywhere in their ranges. */
    static Write any(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> new Write.Open(random.nextLong(), classId(random), teacher(random), random.nextLong(), rules(random));
            case 4 -> new Write.Roster(classId(random), roster(random));
            case 5 -> new Write.Mark(random.nextLong(), random.nextLong(), matricula(random),
                    AttendanceStatus.values()[random.nextInt(AttendanceStatus.values().length)],
                    new Reason("motivo " + "ção".repeat(random.nextInt(60))), teacher(random), random.nextLong());
            case 1 -> new Write.CheckIn(random.nextLong(), matricula(random), random.nextLong(), device(random));
            case 8 -> new Write.Purge(random.nextLong());
            case 7 -> new Write.Forget(matricula(random), matricula(random), teacher(random), random.nextLong());
            case 2 -> new Write.Replace(random.nextLong(), device(random).orElse(new DeviceId("d".repeat(64))),
                    matricula(random), matricula(random), random.nextLong(), random.nextLong());
            default -> new Write.Close(random.nextLong(), random.nextLong(),
                    random.nextBoolean() ? Optional.empty() : Optional.of(teacher(random)));
        };
    }

    /**
     * {@code steps} writes the schema accepts in this order, on an empty file: roll calls of
     * classes 1 to {@code classes} opened (ids 1, 2, 3, ... in order), checked into by
     * distinct students, and closed; times only move forward.
     */
    static List<Write> history(Random random, int steps, int classes) {
        List<Write> writes = new ArrayList<>(steps);
        Map<Integer, Long> openByClass = new HashMap<>();
        Map<Long, Set<Matricula>> present = new HashMap<>();
        Map<Long, TeacherName> openers = new HashMap<>();
        long nextId = 1;
        long clock = 1_700_000_000_000L;
        while (writes.size() < steps) {
            int classId = 1 + random.nextInt(classes);
            clock += 1 + random.nextInt(60_000);
            Long id = openByClass.get(classId);
            if (id == null) {
                id = nextId++;
                openByClass.put(classId, id);
                present.put(id, new HashSet<>());
                // No codes: a history is submitted as check-ins without one. Devices are each used once.
                CheckInRules rules = random.nextBoolean() ? CheckInRules.none()
                        : CheckInRules.of(CodePolicy.NONE, CheckInRules.DEFAULT_PERIOD, CheckInRules.DEFAULT_GRACE, true);
                TeacherName opener = teacher(random);
                openers.put(id, opener);
                writes.add(new Write.Open(id, new ClassId(classId), opener, clock, rules));
            } else if (random.nextInt(8) == 0) {
                openByClass.remove(classId);
                // Closed by its opener, as the tests that submit a history close it.
                writes.add(new Write.Close(id, clock, Optional.of(openers.get(id))));
            } else {
                Matricula matricula = matricula(random);
                if (present.get(id).add(matricula)) {
                    writes.add(new Write.CheckIn(id, matricula, clock, device(random)));
                }
            }
        }
        return writes;
    }

    /** Any rules: each policy, shared devices or not, periods and graces anywhere in their ranges. */
    static CheckInRules rules(Random random) {
        CodePolicy policy = CodePolicy.values()[random.nextInt(CodePolicy.values().length)];
        int period = 1 + random.nextInt(3_600);
        return CheckInRules.of(policy, Duration.ofSeconds(period), Duration.ofSeconds(random.nextInt(period + 1)),
                random.nextBoolean()).withAcceptUnknown(random.nextInt(4) == 0)
                .withLateAfter(random.nextInt(3) == 0 ? Optional.of(Duration.ofMinutes(random.nextInt(721))) : Optional.empty());
    }

    /** Up to 40 distinct students, names of any length in any script. */
    static List<RosterEntry> roster(Random random) {
        Map<Matricula, RosterEntry> students = new LinkedHashMap<>();
        for (int i = random.nextInt(41); i > 0; i--) {
            Matricula matricula = matricula(random);
            String base = STUDENTS.get(random.nextInt(STUDENTS.size()));
            String name = base + " " + "ção".repeat(random.nextInt((StudentName.MAX_LENGTH - base.length() - 1) / 3 + 1));
            students.put(matricula, new RosterEntry(matricula, new StudentName(name)));
        }
        return List.copyOf(students.values());
    }

    /** No device half the time; otherwise a fresh one of 16 to 64 URL-safe characters. */
    static Optional<DeviceId> device(Random random) {
        if (random.nextBoolean()) {
            return Optional.empty();
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder id = new StringBuilder();
        int length = 16 + random.nextInt(49);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return Optional.of(new DeviceId(id.toString()));
    }

    /** 1 to {@link Integer#MAX_VALUE}, with both ends likelier than chance would make them. */
    static ClassId classId(Random random) {
        return new ClassId(switch (random.nextInt(10)) {
            case 0 -> 1;
            case 1 -> Integer.MAX_VALUE;
            default -> 1 + random.nextInt(Integer.MAX_VALUE);
        });
    }

    static TeacherName teacher(Random random) {
        return new TeacherName(TEACHERS.get(random.nextInt(TEACHERS.size())));
    }

    /** 1 to 20 digits, often with leading zeros. */
    static Matricula matricula(Random random) {
        int length = 1 + random.nextInt(Matricula.MAX_DIGITS);
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append(i < 3 && random.nextBoolean() ? '0' : (char) ('0' + random.nextInt(10)));
        }
        return new Matricula(digits.toString());
    }
}
