package chamada.cli;

/**
 * Where a long-running command ({@code chamada server}) learns it must stop: Ctrl-C or
 * SIGTERM for the real program, a test's call for tests.
 */
@FunctionalInterface
interface StopSignal {

    /** Runs {@code action} once when the stop comes, on a thread of the signal's choosing. */
    void onStop(Runnable action);

    /** The JVM's shutdown hooks: SIGINT (Ctrl-C), SIGTERM and a normal exit. */
    static StopSignal shutdownHook() {
        return action -> Runtime.getRuntime().addShutdownHook(new Thread(action, "chamada-stop"));
    }
}
