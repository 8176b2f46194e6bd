package chamada.error;

/** Checks shared by the value records that refuse bad input with {@link ErrorCode#INVALID_FIELD}. */
public final class Fields {

    /** How much of a refused value an error echoes back; a 10 MB value is not worth repeating. */
    static final int ECHO_LIMIT = 40;

    private Fields() {
    }

    /** The exception that names {@code field}, shows (the start of) {@code value}, and says what is accepted. */
    public static ChamadaException invalid(String field, String value, Expected expected) {
        return new ChamadaException(ErrorCode.INVALID_FIELD, field, echo(value), expected);
    }

    /** A refused value as an error may show it: control characters masked, at most {@value #ECHO_LIMIT} characters. */
    public static String echo(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= ECHO_LIMIT ? printable : printable.substring(0, ECHO_LIMIT) + "…";
    }
}
