package chamada.error;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;

import java.util.List;

/**
 * The one exception the services throw for a refusal or an error a person must read.
 *
 * <p>It carries the code and the arguments, not a text: the connection handler renders
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
        Object[] rendered = args.stream()
                .map(arg -> arg instanceof Bilingual text ? text.format(lang) : arg)
                .toArray();
        return code.format(lang, rendered);
    }
}
