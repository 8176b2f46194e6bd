package chamada.store;

import chamada.rollcall.RollCallEvent;

import java.util.Optional;

/**
 * A command decided: its outcome, the write that makes it so if it changes anything, and the
 * event live views hear of it. The outcome reaches the caller, and the event the views, only
 * after that write, and every write before it, is durable.
 *
 * @param <R> the outcome
 */
record Decision<R>(Command<R> command, R outcome, Optional<Write> write, Optional<RollCallEvent> event) {

    /** A decision that changes nothing, so nobody hears of it. */
    Decision(Command<R> command, R outcome) {
        this(command, outcome, Optional.empty(), Optional.empty());
    }

    void complete() {
        command.done().complete(outcome);
    }

    void fail(Throwable cause) {
        command.done().completeExceptionally(cause);
    }
}
