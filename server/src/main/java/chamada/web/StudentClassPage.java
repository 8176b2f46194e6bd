package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.i18n.HumanSize;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.materials.Material;
import chamada.messages.MessageText;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class's page for its students, on their phones: the materials its teachers published, each a
 * tap to download ({@code /api/v1/classes/CLASS/materials/NAME}), and a box to ask the teacher,
 * which posts to the same address. Students do not log in; a post whose form token does not match
 * its cookie ({@link BrowserCookies}) is refused with 403 before anything is read from it. Runs on
 * the web server's virtual threads.
 */
public final class StudentClassPage implements org.eclipse.jetty.server.Request.Handler {

    public static final String MATRICULA = "matricula";
    public static final String TEXT = "text";
    public static final String ANONYMOUS = "anonymous";
    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final Pages pages;
    private final ClientAddresses addresses;

    StudentClassPage(Application application, Pages pages, ClientAddresses addresses) {
        this.application = application;
        this.pages = pages;
        this.addresses = addresses;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback) throws Exception {
        Optional<ClassId> classId = classOf(request);
        if (classId.isEmpty()) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        if (request.getMethod().equals("POST")) {
            post(request, response, callback, classId.get());
        } else {
            show(request, response, callback, classId.get(), "", "", List.of(), Optional.empty());
        }
        return true;
    }

    private static Optional<ClassId> classOf(org.eclipse.jetty.server.Request request) {
        try {
            return Optional.of(ClassId.parse(org.eclipse.jetty.server.Request.getPathInContext(request).replace("/", "")));
        } catch (ChamadaException e) {
            return Optional.empty();
        }
    }

    private void post(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, ClassId classId) throws Exception {
        Fields fields = PostedForm.fields(request);
        if (!BrowserCookies.formTokenMatches(request, fields.getValue(BrowserCookies.FORM_FIELD))) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
            return;
        }
        Lang lang = pages.languages().choose(request, response);
        String matricula = value(fields, MATRICULA);
        String text = value(fields, TEXT);
        boolean anonymous = "on".equals(fields.getValue(ANONYMOUS));
        Response reply;
        try {
            Optional<Matricula> sender = anonymous ? Optional.empty() : Optional.of(new Matricula(matricula));
            Session session = application.session(lang, addresses.of(request));
            reply = application.handle(session, new Request.Message(classId, sender, new MessageText(text)))
                    .get(REPLY_SECONDS, TimeUnit.SECONDS);
        } catch (ChamadaException e) {
            show(request, response, callback, classId, matricula, text,
                    List.of(new FieldError(fieldOf(e), e.message(lang))), Optional.empty());
            return;
        }
        if (reply instanceof Response.MessageSent sent) {
            show(request, response, callback, classId, matricula, "", List.of(), Optional.of(
                    WebText.MESSAGE_SENT.format(lang, sent.id(), HumanTime.clock(sent.at()))));
            return;
        }
        show(request, response, callback, classId, matricula, text,
                List.of(new FieldError(TEXT, ((Response.Refusal) reply).message())), Optional.empty());
    }

    private static String fieldOf(ChamadaException e) {
        return e.getMessage() != null && e.getMessage().contains(Matricula.FIELD) ? MATRICULA : TEXT;
    }

    private void show(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, ClassId classId, String matricula, String text, List<FieldError> errors,
                      Optional<String> sent) throws Exception {
        Lang lang = pages.languages().choose(request, response);
        Response listed = application.handle(application.session(lang, addresses.of(request)),
                new Request.Materials(classId)).get(REPLY_SECONDS, TimeUnit.SECONDS);
        List<Material> materials = listed instanceof Response.Materials found ? found.materials() : List.of();
        pages.send(request, response, callback, errors.isEmpty() ? HttpStatus.OK_200 : HttpStatus.BAD_REQUEST_400,
                "student-class.jte", Map.ofEntries(
                        Map.entry("classId", classId.value()),
                        Map.entry("materials", materials),
                        Map.entry("sizes", materials.stream().map(m -> HumanSize.format(m.size())).toList()),
                        Map.entry("links", materials.stream().map(m -> link(classId, m)).toList()),
                        Map.entry("dates", materials.stream().map(m -> HumanTime.format(m.publishedAt())).toList()),
                        Map.entry("matricula", matricula),
                        Map.entry("text", text),
                        Map.entry("errors", errors),
                        Map.entry("sent", sent),
                        Map.entry("formToken", BrowserCookies.formToken(request, response))));
    }

    /** Where {@code material} downloads from: the JSON API's address, which anybody may read. */
    static String link(ClassId classId, Material material) {
        return ApiHandler.PATH + "/classes/" + classId.value() + "/materials/"
                + URLEncoder.encode(material.name().value(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String value(Fields fields, String name) {
        String value = fields.getValue(name);
        return value == null ? "" : value.strip();
    }
}
