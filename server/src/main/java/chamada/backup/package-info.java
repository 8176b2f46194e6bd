/**
 * Backups: a consistent copy of a server's data (the database, with the teachers' accounts and classes, and the class
 * materials) in one archive, taken while it serves or from a stopped store, and put back into a stopped one.
 */
package chamada.backup;
