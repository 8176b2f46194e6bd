package chamada.cli;

/**
 * The exit codes of every {@code chamada} command: part of the contract, so scripts can
 * branch on them. The top command's help lists them too.
 */
public final class ExitCodes {

    /** Done; also a student already registered, which is not an error. */
    public static final int OK = 0;

    /** The server refused by the rules (an error reply, or a check-in refused as class 0), or a teacher file refused a name it already holds. */
    public static final int REFUSED = 1;

    /** Bad command line: unknown option, missing argument, invalid matrícula, class or name. Nothing was sent. */
    public static final int USAGE = 2;

    /**
     * The server cannot be reached, refused the connection (too many from this address, shutting
     * down), dropped it, did not answer in time, or does not speak Chamada; {@code chamada server}:
     * cannot listen on its address.
     */
    public static final int UNREACHABLE = 3;

    /** A local file cannot be read or written: teachers file, CSV, database. */
    public static final int LOCAL_FILE = 4;

    /** Anything else: a bug. {@code --verbose} shows the stack trace. */
    public static final int INTERNAL = 5;

    /** The launcher script {@code ./chamada} found no JDK 21 or newer; the Java code never returns it. */
    public static final int NO_JDK = 6;

    private ExitCodes() {
    }
}
