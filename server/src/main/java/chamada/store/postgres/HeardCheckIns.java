package chamada.store.postgres;

import chamada.rollcall.Matricula;

/**
 * Who a node's live views have been told is present in one open roll call, so that
 * {@link MissedEvents} can tell them only what they missed. Each matrícula is kept as a 64-bit
 * fingerprint in an open-addressing table, with no object per student: a node hears every
 * check-in of every node, and a roll call may take hundreds of thousands. Two matrículas with one
 * fingerprint (odds about n²/2⁶⁵) would make an event of one of them be taken as told already
 * (dropped, or not repaired), never a wrong one told. Used under the lock of whoever holds it.
 */
final class HeardCheckIns {

    /** A fingerprint is never 0, which marks an empty place. */
    private static final long EMPTY = 0;
    private static final int FIRST_CAPACITY = 64;

    /** When the roll call opened, in epoch milliseconds, or {@link #UNKNOWN} until the database says. */
    static final long UNKNOWN = -1;

    private long openedAt;
    private long[] table = new long[FIRST_CAPACITY];
    private int size;
    /** How many replacements (a device fixing a typo: a check-in that takes another's place) were told. */
    private int replacements;
    /** The earliest check-in noted, in epoch milliseconds: while the opening is unknown, whether they can be of it. */
    private long earliestAt = Long.MAX_VALUE;

    HeardCheckIns(long openedAt) {
        this.openedAt = openedAt;
    }

    long openedAt() {
        return openedAt;
    }

    void openedAt(long millis) {
        openedAt = millis;
    }

    long earliestAt() {
        return earliestAt;
    }

    /** How many are present, as heard. */
    int present() {
        return size;
    }

    int replacements() {
        return replacements;
    }

    void replacements(int count) {
        replacements = count;
    }

    /** Notes {@code matricula}, checked in at {@code atMillis}, as present; false if it already was. */
    boolean add(Matricula matricula, long atMillis) {
        earliestAt = Math.min(earliestAt, atMillis);
        long fingerprint = fingerprint(matricula.value());
        int position = find(fingerprint);
        if (table[position] == fingerprint) {
            return false;
        }
        table[position] = fingerprint;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    boolean contains(Matricula matricula) {
        long fingerprint = fingerprint(matricula.value());
        return table[find(fingerprint)] == fingerprint;
    }

    /** Notes that {@code matricula} left the list (another check-in took its place). */
    void remove(Matricula matricula) {
        long fingerprint = fingerprint(matricula.value());
        int hole = find(fingerprint);
        if (table[hole] != fingerprint) {
            return;
        }
        int mask = table.length - 1;
        // Linear probing's deletion: later entries of the run move back into the hole when their
        // home is not between the hole and them, so that every lookup still finds them.
        for (int next = (hole + 1) & mask; table[next] != EMPTY; next = (next + 1) & mask) {
            int home = position(table[next], mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                table[hole] = table[next];
                hole = next;
            }
        }
        table[hole] = EMPTY;
        size--;
    }

    /** Where {@code fingerprint} is, or else the empty place that ends its run. */
    private int find(long fingerprint) {
        int mask = table.length - 1;
        int position = position(fingerprint, mask);
        while (table[position] != EMPTY && table[position] != fingerprint) {
            position = (position + 1) & mask;
        }
        return position;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long fingerprint : old) {
            if (fingerprint != EMPTY) {
                int position = position(fingerprint, mask);
                while (table[position] != EMPTY) {
                    position = (position + 1) & mask;
                }
                table[position] = fingerprint;
            }
        }
    }

    private static int position(long fingerprint, int mask) {
        return (int) fingerprint & mask;
    }

    /** FNV-1a over the digits, then MurmurHash3's finalizer, so that every bit depends on every digit. */
    static long fingerprint(String digits) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < digits.length(); i++) {
            hash = (hash ^ digits.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1 : hash;
    }
}
