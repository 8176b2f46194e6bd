package chamada.store;

import chamada.rollcall.CheckIn;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The check-ins of one open roll call, in arrival order, with no object of their own: the
 * matrículas' digits lie side by side in one array, the times in another, and an
 * open-addressing table of slot numbers finds a matrícula. A roll call held as a map of
 * {@link CheckIn}s kept about ten objects per student alive, and each young collection copied
 * the newest of them again; with many students arriving, those copies were most of the server's
 * pauses and so of its tail latency (BENCHMARKS.md, "Issue 11"). No JDK or library map helps:
 * each keeps an entry and a String per key.
 *
 * A check-in with a device keeps its {@link DeviceId}, which only the web front sends.
 *
 * <p>A time is kept as epoch milliseconds and its offset: what is finer than a millisecond is
 * dropped, as the store's file drops it (the service's times are whole milliseconds already).
 * Confined to the journal writer's thread, as {@link OpenRollCalls} is.
 */
final class Arrivals {

    private static final int FIRST_SLOTS = 16;
    /** Table entries: 0 is free, {@link #REMOVED} was a removed matrícula's, otherwise slot + 1. */
    private static final int FREE = 0;
    private static final int REMOVED = -1;

    /** Per slot, in arrival order: where its digits start in {@link #digits}, and end where the next slot's start. */
    private int[] starts = new int[FIRST_SLOTS + 1];
    private int[] hashes = new int[FIRST_SLOTS];
    private long[] atMillis = new long[FIRST_SLOTS];
    private ZoneOffset[] offsets = new ZoneOffset[FIRST_SLOTS];
    /** Null where the front knows no device. */
    private DeviceId[] devices = new DeviceId[FIRST_SLOTS];
    /** Whether a device's replacement took the slot's student out. */
    private boolean[] removed = new boolean[FIRST_SLOTS];
    private byte[] digits = new byte[FIRST_SLOTS * 12];
    private int slots;
    private int present;

    /** Always a power of two, at least twice the slots, so a probe ends at a free entry. */
    private int[] table = new int[FIRST_SLOTS * 2];

    /** When {@code matricula} checked in, if present. */
    Optional<OffsetDateTime> at(Matricula matricula) {
        int entry = table[position(matricula)];
        return entry > 0 ? Optional.of(at(entry - 1)) : Optional.empty();
    }

    /** Adds {@code checkIn} last; its matrícula must not be present. */
    void add(CheckIn checkIn) {
        if (slots == atMillis.length) {
            makeRoom();
        }
        // One probe: where the matrícula is, or the free entry its probe ends at, which takes it.
        int position = position(checkIn.matricula());
        if (table[position] > 0) {
            throw new IllegalStateException(checkIn.matricula() + " is already present");
        }
        String value = checkIn.matricula().value();
        int start = starts[slots];
        if (start + value.length() > digits.length) {
            digits = Arrays.copyOf(digits, Math.max(Math.multiplyExact(digits.length, 2), start + value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            digits[start + i] = (byte) value.charAt(i);
        }
        starts[slots + 1] = start + value.length();
        hashes[slots] = value.hashCode();
        atMillis[slots] = checkIn.at().toInstant().toEpochMilli();
        offsets[slots] = checkIn.at().getOffset();
        devices[slots] = checkIn.device().orElse(null);
        table[position] = slots + 1;
        slots++;
        present++;
    }

    /** Takes the check-in of {@code matricula}, which must be present, out of the roll call. */
    void remove(Matricula matricula) {
        int position = position(matricula);
        if (table[position] <= 0) {
            throw new IllegalStateException(matricula + " is not present");
        }
        int slot = table[position] - 1;
        table[position] = REMOVED;
        removed[slot] = true;
        devices[slot] = null;
        present--;
    }

    int size() {
        return present;
    }

    /** Every check-in, in arrival order. */
    List<CheckIn> inOrder() {
        List<CheckIn> inOrder = new ArrayList<>(present);
        for (int slot = 0; slot < slots; slot++) {
            if (!removed[slot]) {
                inOrder.add(checkIn(slot));
            }
        }
        return inOrder;
    }

    /** The table position holding {@code matricula}, or the free one where its probe ends. */
    private int position(Matricula matricula) {
        String value = matricula.value();
        int hash = value.hashCode();
        int mask = table.length - 1;
        for (int position = spread(hash) & mask; ; position = (position + 1) & mask) {
            int entry = table[position];
            if (entry == FREE || entry > 0 && hashes[entry - 1] == hash && sameDigits(entry - 1, value)) {
                return position;
            }
        }
    }

    private int freePosition(int hash) {
        int mask = table.length - 1;
        int position = spread(hash) & mask;
        while (table[position] > 0) {
            position = (position + 1) & mask;
        }
        return position;
    }

    private boolean sameDigits(int slot, String value) {
        int start = starts[slot];
        if (starts[slot + 1] - start != value.length()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (digits[start + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Strings' hashes of similar digits differ in their low bits only a little; the table uses the low bits. */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }

    private CheckIn checkIn(int slot) {
        String value = new String(digits, starts[slot], starts[slot + 1] - starts[slot],
                StandardCharsets.US_ASCII);
        return new CheckIn(new Matricula(value), at(slot), Optional.ofNullable(devices[slot]));
    }

    private OffsetDateTime at(int slot) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(atMillis[slot]), offsets[slot]);
    }

    /**
     * Makes room for one more slot: drops the removed ones if they are half the slots (a phone
     * replacing its check-in again and again), otherwise doubles; either way the table is
     * rebuilt, which leaves the removed matrículas' entries behind.
     */
    private void makeRoom() {
        if (present <= slots / 2) {
            compact();
        } else {
            int capacity = Math.multiplyExact(atMillis.length, 2);
            starts = Arrays.copyOf(starts, capacity + 1);
            hashes = Arrays.copyOf(hashes, capacity);
            atMillis = Arrays.copyOf(atMillis, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
            devices = Arrays.copyOf(devices, capacity);
            removed = Arrays.copyOf(removed, capacity);
        }
        table = new int[Math.multiplyExact(atMillis.length, 2)];
        for (int slot = 0; slot < slots; slot++) {
            if (!removed[slot]) {
                table[freePosition(hashes[slot])] = slot + 1;
            }
        }
    }

    /** Moves the present check-ins to the first slots, in their order, and their digits with them. */
    private void compact() {
        int kept = 0;
        int end = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (removed[slot]) {
                continue;
            }
            int start = starts[slot];
            int length = starts[slot + 1] - start;
            System.arraycopy(digits, start, digits, end, length);
            starts[kept] = end;
            end += length;
            hashes[kept] = hashes[slot];
            atMillis[kept] = atMillis[slot];
            offsets[kept] = offsets[slot];
            devices[kept] = devices[slot];
            removed[kept] = false;
            kept++;
        }
        starts[kept] = end;
        Arrays.fill(devices, kept, slots, null);
        Arrays.fill(offsets, kept, slots, null);
        Arrays.fill(removed, kept, slots, false);
        slots = kept;
    }
}
