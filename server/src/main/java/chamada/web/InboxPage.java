package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.messages.ClassMessage;
import chamada.messages.ShownChoice;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A class's messages for its teacher, {@code /classes/CLASS/inbox}: the newest, oldest first, the
 * unread ones marked, each text shown as the text it is (escaped, its line breaks kept), a form
 * that marks those shown read, and on each message a button that puts it on the class's question
 * screen ({@code /classes/CLASS/question}, for the projector), all posting to the same address.
 * The page's script adds the messages that come while it is open, from the class's inbox stream
 * ({@code /classes/CLASS/inbox/events?after=ID}).
 */
final class InboxPage {

    /** The form field that shows a message on the question screen: its number, or {@code off}. */
    static final String SHOW_FIELD = "show";
    /** The inbox stream's parameter: the newest message the page shows, after which the stream begins. */
    static final String AFTER_PARAMETER = "after";

    private final Application application;
    private final Pages pages;
    private final EventStreams streams;

    InboxPage(Application application, Pages pages, EventStreams streams) {
        this.application = application;
        this.pages = pages;
        this.streams = streams;
    }

    /** The class's messages as they come, and the question shown: the page's live part. */
    void events(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                Callback callback, Session session, ClassId classId) throws Exception {
        String after = org.eclipse.jetty.server.Request.extractQueryParameters(request).getValue(AFTER_PARAMETER);
        long newestShown = after != null && !after.isEmpty() && after.length() <= 18
                && after.chars().allMatch(Character::isDigit) ? Long.parseLong(after) : 0;
        if (streams.serve(session, classId, LiveView.INBOX, newestShown, response, callback).isPresent()) {
            org.eclipse.jetty.server.Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
    }

    /** Puts the message the form names on the class's question screen, or none. */
    void show(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
              Callback callback, Session session, ClassId classId, Fields fields) throws Exception {
        String result;
        try {
            Response reply = PageRequests.ask(application, session, new Request.Show(classId, ShownChoice.parse(
                    String.valueOf(fields.getValue(SHOW_FIELD)).strip())));
            result = reply instanceof Response.QuestionShown shown ? shown.shown()
                    .map(question -> WebText.INBOX_SHOWN.format(session.lang(), question.id()))
                    .orElseGet(() -> WebText.INBOX_SHOWN_NONE.format(session.lang()))
                    : ((Response.Refusal) reply).message();
        } catch (ChamadaException e) {
            result = e.message(session.lang());
        }
        send(request, response, callback, session, classId, result);
    }

    void page(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback,
              Session session, ClassId classId) throws Exception {
        send(request, response, callback, session, classId, "");
    }

    /** Marks the messages the page showed unread (their ids came with the form) read. */
    void markRead(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                  Callback callback, Session session, ClassId classId, Fields fields) throws Exception {
        String ids = fields.getValue("ids");
        List<Long> shown = new ArrayList<>();
        for (String id : (ids == null ? "" : ids).split(",")) {
            if (!id.isBlank() && id.strip().chars().allMatch(Character::isDigit) && id.strip().length() <= 18) {
                shown.add(Long.parseLong(id.strip()));
            }
        }
        String result = "";
        if (!shown.isEmpty()) {
            Response reply = PageRequests.ask(application, session, new Request.MarkRead(classId, shown));
            result = reply instanceof Response.MarkedRead read ? WebText.INBOX_MARKED.format(session.lang(), read.marked())
                    : ((Response.Refusal) reply).message();
        }
        send(request, response, callback, session, classId, result);
    }

    private void send(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, Session session, ClassId classId, String result) throws Exception {
        Lang lang = session.lang();
        Response reply = PageRequests.ask(application, session, new Request.Inbox(classId, false));
        List<ClassMessage> messages = reply instanceof Response.Inbox inbox ? inbox.messages() : List.of();
        String shownId = reply instanceof Response.Inbox inbox ? inbox.shown().map(message -> Long.toString(message.id()))
                .orElse("") : "";
        String shown = reply instanceof Response.Refusal refusal && result.isEmpty() ? refusal.message() : result;
        pages.send(request, response, callback, HttpStatus.OK_200, "inbox.jte", Map.of(
                "classNumber", classId.toString(),
                "result", shown,
                "messages", messages.stream().map(message -> List.of(Long.toString(message.id()),
                        HumanTime.format(message.at()),
                        message.sender().map(Matricula::value).orElseGet(() -> WebText.INBOX_ANONYMOUS.format(lang)),
                        message.text().value(), message.read() ? "" : WebText.INBOX_NEW.format(lang))).toList(),
                "shown", shownId,
                "newest", messages.isEmpty() ? "0" : Long.toString(messages.getLast().id()),
                "live", reply instanceof Response.Inbox,
                "unreadIds", messages.stream().filter(message -> !message.read()).map(message -> Long.toString(message.id()))
                        .collect(Collectors.joining(",")),
                "formToken", BrowserCookies.formToken(request, response)));
    }
}
