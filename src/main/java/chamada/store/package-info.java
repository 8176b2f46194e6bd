/**
 * Where Chamada keeps its data: {@link chamada.store.SqliteRollCallStore}, the
 * {@link chamada.rollcall.RollCallStore} on one SQLite file.
 *
 * <p>Threads. JDBC calls into SQLite are native, and a virtual thread in a native call pins
 * its carrier, so no JDBC runs on the callers' threads. One platform thread,
 * {@code chamada-store-writer}, owns the only read-write connection and commits writes in
 * groups ({@code WriteBatcher}, {@code GroupCommit}); two
 * platform threads, {@code chamada-store-reader-N}, each own a read-only connection
 * ({@code ReaderPool}). Callers only queue work and wait on futures.
 *
 * <p>Durability. WAL with {@code synchronous=FULL}: a write's future completes after the
 * commit holding it is fsynced. Schema changes are versioned SQL files applied by
 * {@code Migrations}.
 *
 * <p>One server per file. A store holds an exclusive lock on {@code <file>.lock} from open
 * to close ({@code DatabaseLock}), since roll-call ids come from an in-memory counter.
 */
package chamada.store;
