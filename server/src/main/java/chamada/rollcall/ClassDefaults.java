package chamada.rollcall;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A class's defaults, kept with its teachers: what a roll call opened without choosing takes.
 *
 * <p>Contract (the store contract suite checks it for every store): {@link #setLateAfter}
 * replaces the class's default, durable before it completes; empty removes it.
 */
public interface ClassDefaults {

    /** How long after the opening a check-in of {@code classId} is late by default; empty: no default. */
    CompletableFuture<Optional<Duration>> lateAfterOf(ClassId classId);

    CompletableFuture<Optional<Duration>> setLateAfter(ClassId classId, Optional<Duration> lateAfter);
}
