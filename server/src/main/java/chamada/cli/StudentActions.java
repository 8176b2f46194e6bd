package chamada.cli;

import chamada.i18n.Lang;
import chamada.protocol.CheckInSentences;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * A student's check-in and its printout, shared by {@code chamada student checkin} and the
 * interactive screen. Registered or already registered: a line on stdout and
 * {@link ExitCodes#OK}. Refused (the seed's class 0) or an error reply: a line on stderr
 * and {@link ExitCodes#REFUSED}.
 */
final class StudentActions {

    private final Link link;
    private final Lang lang;
    private final PrintWriter out;
    private final PrintWriter err;

    StudentActions(Link link, Lang lang, PrintWriter out, PrintWriter err) {
        this.link = link;
        this.lang = lang;
        this.out = out;
        this.err = err;
    }

    int checkIn(Matricula matricula, ClassId classId, Optional<String> code) {
        // A check-in is idempotent (a second one answers "already registered"): safe to resend.
        Response reply = link.call(c -> c.checkIn(matricula, classId, code), true);
        if (reply instanceof Response.CheckedIn || reply instanceof Response.CheckInRefused) {
            String sentence = CheckInSentences.of(reply, lang).orElseThrow();
            if (reply instanceof Response.CheckedIn) {
                out.println(sentence);
                return ExitCodes.OK;
            }
            err.println(sentence);
            return ExitCodes.REFUSED;
        }
        if (reply instanceof Response.Failure failure) {
            return Refusals.print(err, lang, failure);
        }
        throw Refusals.unexpected(reply);
    }
}
