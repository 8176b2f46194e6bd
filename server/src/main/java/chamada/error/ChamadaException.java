package chamada.error;

import chamada.i18n.Lang;

import java.util.List;

/**
 * The one exception the services throw for a refusal or an error a person must read.
 *
 * <p>It carries the code and the arguments, not a text: the application's dispatcher renders
 * it in the language of whoever asked.
 */
public final class ChamadaException extends RuntimeException {

    private final ErrorCode code;
    private final List<Object> args;

    public ChamadaException(ErrorCode code, Object... args) {
        super(code.wireName() + " " + List.of(args), null, false, false);
        this.code = code;
        this.args = List.of(args);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    /** The text a person reads, in {@code lang}. */
    public String message(Lang lang) {
        return code.format(lang, args.toArray());
    }
}
