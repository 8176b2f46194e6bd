package chamada.cli;

import chamada.attendance.StatusText;
import chamada.error.ErrorCode;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.messages.ClassMessage;
import chamada.messages.MessageText;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What the CLI does with class messages and live events, each as one request (or one watch) and
 * its printout, with the exit code it deserves like {@link TeacherActions}: a student's message,
 * a teacher's inbox, anonymity and watch. A message's text is printed with each of its lines
 * indented under its header, so that no student's text can pass for a line of the program's own.
 */
final class ClassMessages {

    private static final String TEXT_INDENT = "      ";

    private final Link link;
    private final Lang lang;
    private final PrintWriter out;
    private final PrintWriter err;

    ClassMessages(Link link, Lang lang, PrintWriter out, PrintWriter err) {
        this.link = link;
        this.lang = lang;
        this.out = out;
        this.err = err;
    }

    /** Sends one message; not resent after a broken connection, which might have stored it already. */
    int send(ClassId classId, Optional<Matricula> sender, MessageText text) {
        Response reply = link.call(c -> c.message(classId, sender, text), false);
        if (!(reply instanceof Response.MessageSent sent)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(InboxText.SENT.format(lang, sent.id(), classId, HumanTime.format(sent.at())));
        return ExitCodes.OK;
    }

    /** Prints the inbox, oldest first (only the unread ones if asked); marks what it printed read if asked. */
    int inbox(ClassId classId, boolean unreadOnly, boolean markRead) {
        Response reply = link.call(c -> c.inbox(classId, unreadOnly), true);
        if (!(reply instanceof Response.Inbox inbox)) {
            return Refusals.of(err, lang, reply);
        }
        List<ClassMessage> messages = inbox.messages();
        if (messages.isEmpty()) {
            out.println((unreadOnly ? InboxText.INBOX_NO_UNREAD : InboxText.INBOX_EMPTY).format(lang, classId));
            return ExitCodes.OK;
        }
        long unread = messages.stream().filter(message -> !message.read()).count();
        out.println(InboxText.INBOX.format(lang, classId, messages.size(), unread));
        for (ClassMessage message : messages) {
            out.println("  " + InboxText.INBOX_LINE.format(lang, message.id(), HumanTime.format(message.at()),
                    sender(message.sender()), message.read() ? "" : InboxText.UNREAD_MARK.format(lang)));
            printText(message.text().value());
        }
        List<Long> toMark = messages.stream().filter(message -> !message.read()).map(ClassMessage::id).toList();
        if (!markRead || toMark.isEmpty()) {
            return ExitCodes.OK;
        }
        Response marked = link.call(c -> c.markRead(classId, toMark), true);
        if (!(marked instanceof Response.MarkedRead read)) {
            return Refusals.of(err, lang, marked);
        }
        out.println(InboxText.MARKED_READ.format(lang, read.marked()));
        return ExitCodes.OK;
    }

    /** Prints whether the class takes anonymous messages, having set it first when {@code set} holds a choice. */
    int anonymous(ClassId classId, Optional<Boolean> set) {
        Response reply = link.call(c -> c.anonymous(classId, set), true);
        if (!(reply instanceof Response.Anonymous anonymous)) {
            return Refusals.of(err, lang, reply);
        }
        out.println((anonymous.anonymous() ? InboxText.ANONYMOUS_ON : InboxText.ANONYMOUS_OFF).format(lang, classId));
        return ExitCodes.OK;
    }

    /** Shows message {@code id} on the class's question screen (empty: none), and says what it shows. */
    int show(ClassId classId, Optional<Long> id) {
        Response reply = link.call(c -> c.show(classId, id), true);
        if (!(reply instanceof Response.QuestionShown shown)) {
            return Refusals.of(err, lang, reply);
        }
        if (shown.shown().isEmpty()) {
            out.println(InboxText.SHOWN_NONE.format(lang, classId));
            return ExitCodes.OK;
        }
        out.println(InboxText.SHOWN.format(lang, classId, shown.shown().get().id()));
        printText(shown.shown().get().text().value());
        return ExitCodes.OK;
    }

    /** Prints the class's events as they come, with the running count, until Ctrl-C or the server ends it. */
    int watch(ClassId classId, StopSignal stop) {
        Response status = link.call(c -> c.status(classId), true);
        if (status instanceof Response.Failure failure && failure.code() != ErrorCode.NOT_OPEN) {
            return Refusals.of(err, lang, status);
        }
        out.println(InboxText.WATCHING.format(lang, classId, status instanceof Response.RollCallReply open
                ? InboxText.WATCH_OPEN.format(lang, open.rollCall().present().size())
                : InboxText.WATCH_NOT_OPEN.format(lang)));
        out.flush();
        Response ended = link.watch(classId, event -> {
            print(event);
            out.flush();
        }, stop);
        if (ended instanceof Response.Watching) {
            return ExitCodes.OK;
        }
        return Refusals.of(err, lang, ended);
    }

    private void print(RollCallEvent event) {
        String at = HumanTime.clock(event.at());
        switch (event) {
            case RollCallEvent.Opened opened -> out.println(InboxText.EVENT_OPENED.format(lang, at));
            case RollCallEvent.CheckedIn in -> out.println(in.replaced()
                    .map(replaced -> InboxText.EVENT_REPLACED.format(lang, at, in.matricula(), replaced, in.count()))
                    .orElseGet(() -> InboxText.EVENT_CHECKED_IN.format(lang, at, in.matricula(), in.count())));
            case RollCallEvent.Closed closed -> out.println(InboxText.EVENT_CLOSED.format(lang, at, closed.count()));
            case RollCallEvent.Marked marked -> out.println(InboxText.EVENT_MARKED.format(lang, at, marked.matricula(),
                    StatusText.of(marked.status(), lang), marked.rollCallId()));
            case RollCallEvent.MessagePosted posted -> {
                out.println(InboxText.EVENT_MESSAGE.format(lang, at, posted.id(), sender(posted.sender())));
                printText(posted.text());
            }
            case RollCallEvent.QuestionShown shown -> {
                if (shown.question().isEmpty()) {
                    out.println(InboxText.EVENT_SHOWN_NONE.format(lang, at));
                } else {
                    out.println(InboxText.EVENT_SHOWN.format(lang, at, shown.question().get().id()));
                }
            }
        }
    }

    private String sender(Optional<Matricula> sender) {
        return sender.map(Matricula::value).orElseGet(() -> InboxText.ANONYMOUS_SENDER.format(lang));
    }

    private void printText(String text) {
        for (String line : text.split("\n", -1)) {
            out.println(TEXT_INDENT + line);
        }
    }
}
