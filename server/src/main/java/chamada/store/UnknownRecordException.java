package chamada.store;

/**
 * A journal record that reached the disk whole (its checksum matches) but that this build
 * cannot read: a kind it does not know, or fields laid out other than it reads them. Most
 * likely a newer build wrote it. It is not the journal's end: read as one, it and every
 * record after it would be dropped without a word, so replay stops the start-up instead.
 */
final class UnknownRecordException extends RuntimeException {

    private final int kind;

    UnknownRecordException(int kind, String why, Throwable cause) {
        super("journal record of kind " + kind + ": " + why, cause);
        this.kind = kind;
    }

    /** The record's kind byte, 0 to 255. */
    int kind() {
        return kind;
    }
}
