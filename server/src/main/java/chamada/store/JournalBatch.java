package chamada.store;

import java.util.List;

/** Writes made durable by one journal fsync, in journal order, and where the journal ends after them. */
record JournalBatch(List<Write> writes, JournalPosition end) {
}
