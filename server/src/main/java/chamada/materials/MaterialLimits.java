package chamada.materials;

/**
 * How large a material and a class's materials may be, in bytes; checked once at start-up with
 * messages that name the option.
 */
public record MaterialLimits(long maxFileBytes, long maxClassBytes) {

    public static final long MIB = 1L << 20;
    /** A lesson's video is a few hundred megabytes. */
    public static final long DEFAULT_MAX_FILE_MB = 1024;
    public static final long DEFAULT_MAX_CLASS_MB = 4096;
    /** Room left on the disk besides an upload: the store and the journal must still be able to write. */
    public static final long DISK_RESERVE_BYTES = 256 * MIB;

    public MaterialLimits {
        if (maxFileBytes < 1 || maxClassBytes < maxFileBytes) {
            throw new IllegalArgumentException("--max-material-mb must be at least 1 and at most --max-class-materials-mb,"
                    + " got " + maxFileBytes / MIB + " and " + maxClassBytes / MIB);
        }
    }

    public static MaterialLimits defaults() {
        return new MaterialLimits(DEFAULT_MAX_FILE_MB * MIB, DEFAULT_MAX_CLASS_MB * MIB);
    }
}
