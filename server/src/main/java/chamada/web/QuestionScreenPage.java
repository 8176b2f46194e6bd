package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.messages.ClassMessage;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;

import java.util.Map;

/**
 * A class's question screen, {@code /classes/CLASS/question}, for the projector: the message its
 * teacher chose to show (from the inbox page or {@code chamada teacher show}) in large type, its
 * text only, never who sent it; the page's script follows the teacher's choices as they are made
 * ({@code /classes/CLASS/question/events}). Apart from the roll call's projector page, so that it
 * stays up when no roll call is open.
 */
final class QuestionScreenPage {

    private final Application application;
    private final Pages pages;
    private final EventStreams streams;

    QuestionScreenPage(Application application, Pages pages, EventStreams streams) {
        this.application = application;
        this.pages = pages;
        this.streams = streams;
    }

    void page(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId) throws Exception {
        Response reply = PageRequests.ask(application, session, new Request.Inbox(classId, true));
        if (!(reply instanceof Response.Inbox inbox)) {
            pages.send(request, response, callback, HttpStatus.OK_200, "message.jte", Map.of(
                    "title", WebText.QUESTION_TITLE.format(session.lang(), classId),
                    "text", ((Response.Refusal) reply).message()));
            return;
        }
        pages.send(request, response, callback, HttpStatus.OK_200, "question.jte", Map.of(
                "classNumber", classId.toString(),
                "question", inbox.shown().map(ClassMessage::text).map(text -> text.value()).orElse("")));
    }

    void events(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                Callback callback, Session session, ClassId classId) throws Exception {
        if (streams.serve(session, classId, LiveView.QUESTION_SCREEN, 0, response, callback).isPresent()) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
    }
}
