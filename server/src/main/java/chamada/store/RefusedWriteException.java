package chamada.store;

/**
 * SQLite's schema refused a journaled write: one already acknowledged to a client, which the
 * journal writer's rules had let through. A bug by construction; the write stays in the
 * journal, and nothing after it is applied, until a person looks.
 */
final class RefusedWriteException extends Exception {

    private final String write;

    RefusedWriteException(String write, Throwable cause) {
        super("SQLite refused the journaled write \"" + write + "\"", cause);
        this.write = write;
    }

    /** The refused write, as the log and the start-up message name it. */
    String write() {
        return write;
    }
}
