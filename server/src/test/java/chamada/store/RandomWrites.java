package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Seeded random journal writes for the journal tests: any field values the types allow, or a
 * valid history (the schema would accept every write, in order).
 */
final class RandomWrites {

    /** Names with letters outside ASCII, as teachers' names have; the last is 64 letters, each two UTF-16 units. */
    static final List<String> TEACHERS = List.of("ana", "Conceição", "José_da-Silva.2", "Ælfríð", "李小龙",
            "Øyvind", "(open)", "x", "𝒜".repeat(64));

    private RandomWrites() {
    }

    /** One write of any kind, with fields anywhere in their ranges; its future is a fresh one. */
    static Write any(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new Write.Open(random.nextLong(), classId(random), teacher(random), random.nextLong(),
                    new CompletableFuture<>());
            case 1 -> new Write.CheckIn(random.nextLong(), matricula(random), random.nextLong(),
                    new CompletableFuture<>());
            default -> new Write.Close(random.nextLong(), random.nextLong(), new CompletableFuture<>());
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
                writes.add(new Write.Open(id, new ClassId(classId), teacher(random), clock, new CompletableFuture<>()));
            } else if (random.nextInt(8) == 0) {
                openByClass.remove(classId);
                writes.add(new Write.Close(id, clock, new CompletableFuture<>()));
            } else {
                Matricula matricula = matricula(random);
                if (present.get(id).add(matricula)) {
                    writes.add(new Write.CheckIn(id, matricula, clock, new CompletableFuture<>()));
                }
            }
        }
        return writes;
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
