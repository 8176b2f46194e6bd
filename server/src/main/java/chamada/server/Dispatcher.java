package chamada.server;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.protocol.Op;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.Wire;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallService;
import chamada.rollcall.TeacherName;

import java.util.Arrays;
import java.util.List;

/**
 * Maps each {@link Request} to one call of the rules and its {@link Response}. The only
 * place where a {@link ChamadaException} becomes a wire error, in the session's language.
 *
 * <p>Stateless; called from every connection's virtual thread.
 */
final class Dispatcher {

    private static final List<String> COMMANDS = Arrays.stream(Op.values()).map(Op::usage).toList();

    private final RollCallService rollCalls;
    private final Logins logins;

    Dispatcher(RollCallService rollCalls, Logins logins) {
        this.rollCalls = rollCalls;
        this.logins = logins;
    }

    Response handle(Session session, Request request) {
        try {
            return dispatch(session, request);
        } catch (ChamadaException e) {
            return failure(session, e);
        }
    }

    static Response.Failure failure(Session session, ChamadaException e) {
        return new Response.Failure(e.code().wireName(), e.message(session.lang()));
    }

    private Response dispatch(Session session, Request request) {
        return switch (request) {
            case Request.Hello hello -> {
                hello.lang().ifPresent(session::lang);
                yield new Response.Hello(Wire.PROTOCOL_VERSION, "chamada " + Wire.serverVersion(),
                        session.lang().tag(), logins.openMode());
            }
            case Request.Login login -> {
                session.logout();
                TeacherName name = logins.authenticate(TeacherName.ofLogin(login.name()), login.secret());
                session.login(name);
                yield new Response.LoggedIn(name.value());
            }
            case Request.Open open -> {
                RollCall opened = rollCalls.open(session.caller(), open.classId());
                yield new Response.Opened(opened.classId().value(), opened.openedAt());
            }
            case Request.Close close -> new Response.RollCallReply(rollCalls.close(session.caller(), close.classId()));
            case Request.Status status ->
                    new Response.RollCallReply(rollCalls.status(session.caller(), status.classId()));
            case Request.CheckIn checkIn -> switch (rollCalls.checkIn(checkIn.matricula(), checkIn.classId())) {
                case CheckInResult.Registered registered ->
                        new Response.CheckedIn(registered.replyClass(), registered.at(), false);
                case CheckInResult.AlreadyRegistered already ->
                        new Response.CheckedIn(already.replyClass(), already.at(), true);
                case CheckInResult.NotOpen notOpen -> new Response.CheckInRefused(notOpen.at(),
                        ErrorCode.NOT_OPEN.wireName(), ErrorCode.NOT_OPEN.format(session.lang(), notOpen.classId()));
            };
            case Request.History history ->
                    new Response.History(history.classId().value(), rollCalls.history(session.caller(), history.classId()));
            case Request.Export export ->
                    new Response.Export(export.classId().value(), rollCalls.export(session.caller(), export.classId()));
            case Request.Help help -> new Response.Help(COMMANDS);
            case Request.Quit quit -> new Response.Goodbye(ServerText.GOODBYE.format(session.lang()));
        };
    }
}
