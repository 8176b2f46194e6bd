package chamada.web;

import chamada.application.Application;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.CheckInSentences;
import chamada.rollcall.DeviceId;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /check-in}, the phone page's form: checks the fields as the CLI does, asks the
 * application with the phone's device id and address, and answers with the sentence the CLI
 * would print: on a page of its own when registered, above the form again when refused.
 *
 * <p>A post whose form token does not match its cookie ({@link BrowserCookies}) is refused with
 * 403 before anything is read from it. Runs on the web server's virtual threads.
 */
final class CheckInAction implements Request.Handler {

    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final CheckInPage page;
    private final Pages pages;
    private final ClientAddresses addresses;

    CheckInAction(Application application, CheckInPage page, Pages pages, ClientAddresses addresses) {
        this.application = application;
        this.page = page;
        this.pages = pages;
        this.addresses = addresses;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Fields fields = PostedForm.fields(request);
        if (!BrowserCookies.formTokenMatches(request, fields.getValue(BrowserCookies.FORM_FIELD))) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
            return true;
        }
        Lang lang = pages.languages().choose(request, response);
        CheckInFields.Valid typed;
        switch (CheckInFields.read(fields, lang)) {
            case CheckInFields.Invalid invalid -> {
                page.show(request, response, callback, HttpStatus.BAD_REQUEST_400, invalid.form());
                return true;
            }
            case CheckInFields.Valid valid -> typed = valid;
        }
        DeviceId device = BrowserCookies.device(request, response);
        chamada.protocol.Response reply = application.handle(application.session(lang, addresses.of(request)),
                new chamada.protocol.Request.CheckIn(typed.matricula(), typed.classId(), typed.code(),
                        Optional.of(device))).get(REPLY_SECONDS, TimeUnit.SECONDS);
        Optional<String> sentence = CheckInSentences.of(reply, lang);
        if (reply instanceof chamada.protocol.Response.CheckedIn) {
            pages.send(request, response, callback, HttpStatus.OK_200, "check-in-done.jte",
                    Map.of("sentence", sentence.orElseThrow()));
            return true;
        }
        String problem = sentence.orElseGet(() -> ((chamada.protocol.Response.Refusal) reply).message());
        String field = reply instanceof chamada.protocol.Response.Refusal refusal ? fieldOf(refusal.code())
                : CheckInForm.CLASS;
        CheckInForm form = typed.typed();
        page.show(request, response, callback, HttpStatus.OK_200, new CheckInForm(form.classNumber(), form.matricula(),
                field.equals(CheckInForm.CODE) ? "" : form.code(), List.of(new FieldError(field, problem))));
        return true;
    }

    /** The field a refusal is about, which its message is shown beside. */
    private static String fieldOf(ErrorCode code) {
        return switch (code) {
            case CODE_REQUIRED, WRONG_CODE, TOO_MANY_ATTEMPTS -> CheckInForm.CODE;
            case DEVICE_ALREADY_USED -> CheckInForm.MATRICULA;
            default -> CheckInForm.CLASS;
        };
    }
}
