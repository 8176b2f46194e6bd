package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.messages.ClassMessage;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A class's messages for its teacher, {@code /classes/CLASS/inbox}: the newest, oldest first, the
 * unread ones marked, each text shown as the text it is (escaped, its line breaks kept), and a form
 * that marks those shown read, posting to the same address.
 */
final class InboxPage {

    private static final long REPLY_SECONDS = 60;

    private final Application application;
    private final Pages pages;

    InboxPage(Application application, Pages pages) {
        this.application = application;
        this.pages = pages;
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
            Response reply = ask(session, new Request.MarkRead(classId, shown));
            result = reply instanceof Response.MarkedRead read ? WebText.INBOX_MARKED.format(session.lang(), read.marked())
                    : ((Response.Refusal) reply).message();
        }
        send(request, response, callback, session, classId, result);
    }

    private void send(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                      Callback callback, Session session, ClassId classId, String result) throws Exception {
        Lang lang = session.lang();
        Response reply = ask(session, new Request.Inbox(classId, false));
        List<ClassMessage> messages = reply instanceof Response.Inbox inbox ? inbox.messages() : List.of();
        String shown = reply instanceof Response.Refusal refusal && result.isEmpty() ? refusal.message() : result;
        pages.send(request, response, callback, HttpStatus.OK_200, "inbox.jte", Map.of(
                "classNumber", classId.toString(),
                "result", shown,
                "messages", messages.stream().map(message -> List.of(Long.toString(message.id()),
                        HumanTime.format(message.at()),
                        message.sender().map(Matricula::value).orElseGet(() -> WebText.INBOX_ANONYMOUS.format(lang)),
                        message.text().value(), message.read() ? "" : WebText.INBOX_NEW.format(lang))).toList(),
                "unreadIds", messages.stream().filter(message -> !message.read()).map(message -> Long.toString(message.id()))
                        .collect(Collectors.joining(",")),
                "formToken", BrowserCookies.formToken(request, response)));
    }

    private Response ask(Session session, Request request) throws Exception {
        return application.handle(session, request).get(REPLY_SECONDS, TimeUnit.SECONDS);
    }
}
