package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterFile;
import chamada.roster.RosterLineProblem;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * A class's roster for its teacher, {@code /classes/CLASS/roster}: the students by name, and a
 * form that uploads a CSV file ({@link RosterFile}, read as the CLI reads it) to become the
 * whole roster. A file with bad lines imports nothing unless the teacher ticks the box to
 * import the others; either way each bad line is listed by number.
 */
final class RosterPage {

    private static final String FILE_PART = "roster";
    private static final String SKIP_BAD_PART = "skip_bad";
    /** A few fields and one file; the whole body is bounded before this by --http-max-body-bytes. */
    private static final MultiPartConfig UPLOAD = new MultiPartConfig.Builder().maxParts(8)
            .maxMemoryPartSize(Long.MAX_VALUE).maxPartSize(-1).build();

    private final Application application;
    private final Pages pages;

    RosterPage(Application application, Pages pages) {
        this.application = application;
        this.pages = pages;
    }

    /** Whether {@code request} is this page's upload, whose form token is inside its parts. */
    static boolean isUpload(org.eclipse.jetty.server.Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && MimeTypes.getBaseType(type) == MimeTypes.Type.MULTIPART_FORM_DATA;
    }

    void page(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId) throws Exception {
        send(request, response, callback, session, classId, "", List.of());
    }

    void upload(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
                Session session, ClassId classId) throws Exception {
        Lang lang = session.lang();
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, type, UPLOAD)) {
            if (!BrowserCookies.formTokenMatches(request, text(parts.getFirst(BrowserCookies.FORM_FIELD)))) {
                org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
                return;
            }
            MultiPart.Part file = parts.getFirst(FILE_PART);
            if (file == null || file.getLength() == 0) {
                send(request, response, callback, session, classId, WebText.ROSTER_NO_FILE.format(lang), List.of());
                return;
            }
            RosterFile read = RosterFile.read(bytes(file));
            List<String> problems = read.problems().stream().map(problem -> problem.message(lang)).toList();
            if (read.hasProblems() && !"true".equals(text(parts.getFirst(SKIP_BAD_PART)))) {
                send(request, response, callback, session, classId,
                        WebText.ROSTER_BAD_LINES.format(lang, problems.size()), problems);
                return;
            }
            if (read.students().isEmpty()) {
                send(request, response, callback, session, classId, WebText.ROSTER_NO_STUDENTS.format(lang), problems);
                return;
            }
            Response reply = PageRequests.ask(application, session, new Request.RosterImport(classId, read.students()));
            String result = reply instanceof Response.RosterImported imported ? imported(imported.change(), lang)
                    : ((Response.Refusal) reply).message();
            if (!problems.isEmpty()) {
                result = result + " " + WebText.ROSTER_SKIPPED.format(lang, problems.size());
            }
            send(request, response, callback, session, classId, result, problems);
        }
    }

    private static String imported(RosterChange change, Lang lang) {
        return WebText.ROSTER_IMPORTED.format(lang, change.total(), change.added(), change.renamed(), change.removed());
    }

    private void send(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, Session session, ClassId classId, String result, List<String> problems)
            throws Exception {
        Response reply = PageRequests.ask(application, session, new Request.RosterList(classId));
        List<RosterEntry> students = reply instanceof Response.RosterList roster ? roster.students() : List.of();
        String shown = reply instanceof Response.Refusal refusal ? refusal.message() : result;
        pages.send(request, response, callback, HttpStatus.OK_200, "roster.jte", Map.of(
                "classNumber", classId.toString(),
                "students", students.stream().map(student -> List.of(student.matricula().value(),
                        student.name().value())).toList(),
                "result", shown,
                "problems", problems,
                "formToken", BrowserCookies.formToken(request, response)));
    }

    private static byte[] bytes(MultiPart.Part part) throws Exception {
        ByteBuffer content = Content.Source.asByteBuffer(part.createContentSource());
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }

    private static String text(MultiPart.Part part) {
        return part == null ? "" : part.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
