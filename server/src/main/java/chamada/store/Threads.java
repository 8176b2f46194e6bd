package chamada.store;

/** Waiting for the store's own threads to end. */
public final class Threads {

    private Threads() {
    }

    /**
     * Waits for {@code thread} to end even if interrupted meanwhile (the interrupt is kept for
     * the caller), because the store must not be reported closed with work still running.
     * Returns at once if called from {@code thread} itself, which would otherwise wait forever.
     */
    public static void joinUninterruptibly(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
