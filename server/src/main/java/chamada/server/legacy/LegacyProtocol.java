package chamada.server.legacy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * One legacy wire format, serving one connection at a time per call of {@link #serve}. The
 * {@link LegacyListener} around it accepts, limits, times out and stops; a protocol only
 * reads and answers.
 *
 * <p>One instance per listener, called from every connection's virtual thread: implementations
 * keep per-connection state on the stack.
 */
sealed interface LegacyProtocol permits RollCallProtocol, MessageProtocol, FileProtocol {

    /** How a connection ended, so the listener knows whether a stopping server still owes it a word. */
    enum Ending {
        /** The protocol said its last word (a file sent, a goodbye, a fatal error). */
        FINISHED,
        /** The input ended: the client hung up, or the server shut the input to stop. */
        INPUT_ENDED
    }

    /**
     * Serves {@code socket} until its protocol ends, writing its replies to {@code out} (the
     * socket's output, watched for a client that never reads). The read timeout is already
     * set to the idle timeout; a {@link java.net.SocketTimeoutException} thrown out of here
     * means idle. {@code client} is whom the connection is for: its peer, or the client a trusted
 * load balancer's PROXY header named.
     */
    Ending serve(Socket socket, InetAddress client, OutputStream out) throws IOException;
}
