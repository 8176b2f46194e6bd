package chamada.cli;

import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Response;

import java.io.PrintWriter;

/**
 * How the CLI reports a server's error reply: one line on stderr, the server's own message
 * (already in the user's language, since the client's hello chose it).
 */
final class Refusals {

    private Refusals() {
    }

    /** Prints the refusal and returns {@link ExitCodes#REFUSED}. */
    static int print(PrintWriter err, Lang lang, Response.Failure failure) {
        err.println(line(lang, failure));
        return ExitCodes.REFUSED;
    }

    /**
     * Prints {@code reply}, a request's refusal, and returns {@link ExitCodes#REFUSED}; any other
     * reply is one this CLI did not expect ({@link #unexpected}).
     */
    static int of(PrintWriter err, Lang lang, Response reply) {
        if (reply instanceof Response.Failure failure) {
            return print(err, lang, failure);
        }
        throw unexpected(reply);
    }

    /** The line for a refusal. */
    static String line(Lang lang, Response.Failure failure) {
        // The server's text tells a protocol user to "send login"; a CLI user needs the option names.
        if (failure.code() == ErrorCode.AUTH_REQUIRED) {
            return Text.AUTH_REQUIRED.format(lang);
        }
        return failure.message();
    }

    /** A reply that does not belong to the request: the server and this CLI disagree on the protocol. */
    static IllegalStateException unexpected(Response reply) {
        return new IllegalStateException("unexpected reply " + reply);
    }
}
