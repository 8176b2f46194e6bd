package chamada.protocol;

/** The other side sent something that is not the native protocol: a bug or a different server, never a user's mistake. */
public final class ProtocolException extends RuntimeException {

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
