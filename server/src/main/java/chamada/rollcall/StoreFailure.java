package chamada.rollcall;

/**
 * Why a store could not give an outcome: what a store's future fails with. The kind says
 * what the caller may be told about the change it asked for; {@link RollCallService} turns
 * each kind into its one error code.
 */
public final class StoreFailure extends RuntimeException {

    /** What is known of the change when the store failed. */
    public enum Kind {
        /** The change was not made, for certain: trying again is safe. */
        NOT_MADE,
        /** The store cannot be used now (closed, unreachable, not applying): nothing was changed. */
        UNAVAILABLE,
        /** A read waited too long for the database; nothing was read or changed. */
        TIMED_OUT,
        /** The change may or may not have been made (the disk failed mid-write, a connection was lost in a commit). */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;

    public StoreFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StoreFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
