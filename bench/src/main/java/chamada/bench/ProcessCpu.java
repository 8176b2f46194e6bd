package chamada.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time (user plus system) a local process has used so far, read from Linux's
 * {@code /proc/PID/stat}. CPU per check-in is the number a busy, shared machine disturbs
 * least, so the bench reports it for both servers when given their process ids.
 */
public final class ProcessCpu {

    /** Linux's USER_HZ, the unit of {@code utime} and {@code stime}: 100 on every mainstream architecture. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU used by process {@code pid} so far; empty when it cannot be read (no such process, not Linux). */
    public static Optional<Duration> of(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Fields 14 and 15 of a {@code stat} line; the command name (field 2) may hold spaces, so count after its ')'. */
    static Duration parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }
}
