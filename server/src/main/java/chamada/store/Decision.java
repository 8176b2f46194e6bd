package chamada.store;

import java.util.Optional;

/**
 * A command decided: its outcome, and the write that makes it so, if it changes anything. The
 * outcome reaches the caller only after that write, and every write before it, is durable.
 *
 * @param <R> the outcome
 */
record Decision<R>(Command<R> command, R outcome, Optional<Write> write) {

    void complete() {
        command.done().complete(outcome);
    }

    void fail(Throwable cause) {
        command.done().completeExceptionally(cause);
    }
}
