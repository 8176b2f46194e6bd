package chamada.i18n;

import java.util.Locale;

/** A size in bytes as a person reads it, the same on the command line and the pages. */
public final class HumanSize {

    private HumanSize() {
    }

    /** Bytes, then kB, MB, GB and TB (powers of 1,000), with one decimal: {@code 312.5 MB}. */
    public static String format(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1_000 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
