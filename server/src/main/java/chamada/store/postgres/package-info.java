/**
 * The PostgreSQL store: several Chamada nodes on one database, every rule kept by the
 * database's constraints and row locks, so any node may decide any request. Each node gathers
 * the check-ins arriving together into one transaction ({@link chamada.store.postgres.PostgresWriter}).
 */
package chamada.store.postgres;
