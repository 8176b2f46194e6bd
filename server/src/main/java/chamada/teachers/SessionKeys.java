package chamada.teachers;

/**
 * Where the key that signs teachers' session tokens is kept: with the data, so that every
 * server sharing a store, and a server after its restart, honours the tokens issued by any of
 * them. Nothing a later server must know lives in one process's memory.
 */
@FunctionalInterface
public interface SessionKeys {

    /** The signing key, 32 random bytes made once per store; the same on every call. */
    byte[] sessionKey();
}
