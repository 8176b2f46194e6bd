package chamada.server.legacy;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** A legacy message did not come whole within {@code deadline} of its first byte ({@link MessageDeadline}). */
final class MessageTooSlow extends SocketTimeoutException {

    private final Duration deadline;

    MessageTooSlow(Duration deadline) {
        super("a message took longer than " + deadline.toMillis() + " ms to arrive");
        this.deadline = deadline;
    }

    Duration deadline() {
        return deadline;
    }
}
