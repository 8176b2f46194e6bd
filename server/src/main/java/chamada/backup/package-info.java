/**
 * Backups: a consistent copy of a server's data (the database, the class materials and the teachers
 * file) in one archive, taken while it serves or from a stopped store, and put back into a stopped one.
 */
package chamada.backup;
