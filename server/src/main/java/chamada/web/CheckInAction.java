package chamada.web;

import chamada.application.Application;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.CheckInSentences;
import chamada.rollcall.CheckInCode;
import chamada.rollcall.ClassId;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.ArrayList;
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
        Fields fields = FormFields.getFields(request);
        if (!BrowserCookies.formTokenMatches(request, fields.getValue(BrowserCookies.FORM_FIELD))) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
            return true;
        }
        Lang lang = pages.languages().choose(request, response);
        String classText = value(fields, CheckInForm.CLASS);
        String matriculaText = value(fields, CheckInForm.MATRICULA);
        String codeText = value(fields, CheckInForm.CODE);
        List<FieldError> errors = new ArrayList<>();
        Optional<ClassId> classId = parse(errors, CheckInForm.CLASS, lang, () -> ClassId.parse(classText));
        Optional<Matricula> matricula = parse(errors, CheckInForm.MATRICULA, lang, () -> new Matricula(matriculaText));
        Optional<String> code = codeText.isEmpty() ? Optional.empty()
                : parse(errors, CheckInForm.CODE, lang, () -> CheckInCode.parse(codeText));
        if (!errors.isEmpty()) {
            page.show(request, response, callback, HttpStatus.BAD_REQUEST_400,
                    new CheckInForm(classText, matriculaText, codeText, errors));
            return true;
        }
        DeviceId device = BrowserCookies.device(request, response);
        chamada.protocol.Response reply = application.handle(application.session(lang, addresses.of(request)),
                new chamada.protocol.Request.CheckIn(matricula.orElseThrow(), classId.orElseThrow(), code,
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
        page.show(request, response, callback, HttpStatus.OK_200, new CheckInForm(classText, matriculaText,
                field.equals(CheckInForm.CODE) ? "" : codeText, List.of(new FieldError(field, problem))));
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

    private static String value(Fields fields, String name) {
        String value = fields.getValue(name);
        return value == null ? "" : value.strip();
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> Optional<T> parse(List<FieldError> errors, String field, Lang lang, Parser<T> parser) {
        try {
            return Optional.of(parser.parse());
        } catch (ChamadaException e) {
            errors.add(new FieldError(field, e.message(lang)));
            return Optional.empty();
        }
    }
}
