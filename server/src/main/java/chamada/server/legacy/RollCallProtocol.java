package chamada.server.legacy;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.legacy.LegacyRollCallCodec;
import chamada.protocol.legacy.LegacyRollCallMessage;
import chamada.protocol.legacy.LegacyText;
import chamada.protocol.legacy.StrictUtf8;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The seed's roll call ({@code seeds/000}) on its port: each message gets exactly one reply,
 * the seed's text, and bad input gets a Portuguese explanation instead of the seed's crash.
 *
 * <p>It adds no rule: a check-in is the native {@link Request.CheckIn}; the teacher's toggle
 * is a native {@link Request.Close} and, when the rules answer that the roll call is not
 * open, a native {@link Request.Open}. Closing first makes the toggle safe to race: of two
 * legacy teachers toggling a closed class at once, one opens it and the other is told it is
 * already open; and whether an open roll call may be closed from here is the rules' call (a
 * logged-in teacher's may not).
 */
final class RollCallProtocol implements LegacyProtocol {

    private static final Logger log = LoggerFactory.getLogger(RollCallProtocol.class);

    /** Who opens and closes roll calls on the legacy ports (see {@link LegacyServer#TEACHER}). */
    private final Application application;
    private final Duration idleTimeout;

    RollCallProtocol(Application application, Duration idleTimeout) {
        this.application = application;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Ending serve(Socket socket, InetAddress client, OutputStream out) throws IOException {
        RollCallFramer framer = new RollCallFramer(socket, idleTimeout);
        Session session = application.reservedSession(LegacyServer.TEACHER, Lang.PT_BR,
                client);
        while (true) {
            switch (framer.next()) {
                case RollCallFramer.Frame.Message message -> send(out, answer(session, message.bytes(), client));
                case RollCallFramer.Frame.TooLong tooLong -> {
                    send(out, LegacyText.TOO_LONG.format(LegacyRollCallCodec.MAX_MESSAGE_BYTES));
                    return Ending.FINISHED;
                }
                case RollCallFramer.Frame.End end -> {
                    return Ending.INPUT_ENDED;
                }
            }
        }
    }

    private String answer(Session session, byte[] bytes, InetAddress client) {
        Optional<String> text = StrictUtf8.decode(bytes);
        if (text.isEmpty()) {
            return LegacyText.NOT_UTF8.format();
        }
        LegacyRollCallMessage message = LegacyRollCallCodec.decode(text.get());
        log.debug("Legacy roll call from {}: {}", client, message);
        try {
            return switch (message) {
                case LegacyRollCallMessage.Toggle toggle -> LegacyRollCallCodec.reply(toggle(session, toggle.classId()));
                case LegacyRollCallMessage.CheckIn checkIn ->
                        LegacyRollCallCodec.reply(application.handle(session, checkIn.request()).join());
                case LegacyRollCallMessage.Invalid invalid -> invalid.reply();
            };
        } catch (RuntimeException e) {
            log.error("Legacy roll call from {}: unexpected failure answering {}", client, message, e);
            return LegacyText.INTERNAL.format();
        }
    }

    private Response toggle(Session session, ClassId classId) {
        Response closed = application.handle(session, new Request.Close(classId)).join();
        if (closed instanceof Response.Failure failure && failure.code() == ErrorCode.NOT_OPEN) {
            // The seed's client cannot type a code, so a roll call it opens asks for none.
            return application.handle(session, new Request.Open(classId, Optional.of(CodePolicy.NONE), false, false)).join();
        }
        return closed;
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write(reply.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
