package chamada.store;

/**
 * What the writer has done since the store was opened: how many writes it made durable,
 * how many failed, and in how many commits (each one fsync). {@code writes / commits} is
 * the average group-commit size.
 */
public record WriteStats(long writes, long failed, long commits) {
}
