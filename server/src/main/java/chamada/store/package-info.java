/**
 * Where Chamada keeps its data: {@link chamada.store.SqliteRollCallStore}, the
 * {@link chamada.rollcall.RollCallStore} on one SQLite file and its journal.
 *
 * <p>Durability. A write is acknowledged once its record is fsynced in the journal, the
 * folder {@code <file>.journal} of numbered, append-only segments ({@code JournalWriter},
 * {@code JournalCodec}, {@code JournalFiles}); one fsync serves every write queued while the
 * previous one ran. SQLite (WAL, {@code synchronous=FULL}) is then filled behind, in larger
 * transactions that also record how far the journal is applied ({@code SqliteApplier},
 * {@code SqliteBatch}); at start the journal is replayed from there. Schema changes are
 * versioned SQL files applied by {@code Migrations}.
 *
 * <p>Threads. JDBC calls into SQLite are native, and a virtual thread in a native call pins
 * its carrier, so no JDBC runs on the callers' threads. {@code chamada-store-journal} writes
 * the journal; {@code chamada-store-applier} owns the only read-write connection; two
 * {@code chamada-store-reader-N} threads each own a read-only connection ({@code ReaderPool}).
 * Callers only queue work and wait on futures.
 *
 * <p>One server per file. A store holds an exclusive lock on {@code <file>.lock} from open
 * to close ({@code DatabaseLock}), since roll-call ids come from an in-memory counter.
 */
package chamada.store;
