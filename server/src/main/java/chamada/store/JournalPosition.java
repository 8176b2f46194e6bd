package chamada.store;

/**
 * A place in the journal: a byte offset in a numbered segment. Positions order by segment,
 * then offset; "applied up to p" means every record that ends at or before p is in SQLite.
 */
record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {

    @Override
    public int compareTo(JournalPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }
}
