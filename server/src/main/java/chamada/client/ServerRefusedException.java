package chamada.client;

/**
 * The server answered the connection's {@code hello} with a refusal, such as
 * {@code TOO_MANY_CONNECTIONS} or {@code SHUTTING_DOWN}: it is there but will not serve
 * this connection. The message is the server's, in the language the client asked for.
 */
public final class ServerRefusedException extends RuntimeException {

    private final String code;

    public ServerRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable error code, e.g. {@code TOO_MANY_CONNECTIONS}. */
    public String code() {
        return code;
    }
}
