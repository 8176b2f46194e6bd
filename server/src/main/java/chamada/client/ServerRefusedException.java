package chamada.client;

import chamada.error.ErrorCode;

/**
 * The server answered the connection's {@code hello} with a refusal, such as
 * {@code TOO_MANY_CONNECTIONS} or {@code SHUTTING_DOWN}: it is there but will not serve
 * this connection. The message is the server's, in the language the client asked for.
 */
public final class ServerRefusedException extends RuntimeException {

    private final ErrorCode code;

    public ServerRefusedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The error code, e.g. {@link ErrorCode#TOO_MANY_CONNECTIONS}. */
    public ErrorCode code() {
        return code;
    }
}
