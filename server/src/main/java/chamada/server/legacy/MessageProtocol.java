package chamada.server.legacy;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.i18n.Lang;
import chamada.messages.MessageText;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.legacy.LegacyText;
import chamada.protocol.legacy.MessageFraming;
import chamada.protocol.legacy.PythonLiteral;
import chamada.protocol.legacy.StrictUtf8;
import chamada.rollcall.ClassId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The messages of {@code seeds/003} on their port, in the framing of the tutorial it cites
 * ({@link MessageFraming}): every message is answered {@value MessageFraming#RECEIVED}, and
 * {@value MessageFraming#DISCONNECT} is answered and ends the session.
 *
 * <p>With {@code --legacy-messages-class}, each message goes to that class's inbox, as an
 * anonymous message (the seed's client sends no matrícula), so the class must take anonymous
 * messages; a message the inbox refuses (too long, too fast, anonymity not allowed) is answered
 * with the refusal's text instead of {@value MessageFraming#RECEIVED}, so the person knows it was
 * not kept. Without it, messages are kept in the log only (INFO, with the sender's address, as a
 * Python literal so that no message can forge a log line). The disconnect message is never
 * stored. The framing is
 * exact, so split and coalesced segments need nothing special. A header that is not a length,
 * or a length over {@value #MAX_MESSAGE_BYTES} bytes, leaves the stream out of step: that
 * gets a text and the connection closes. A message that is not UTF-8 is framed all the same,
 * so it gets a text and the session goes on. A message must come whole within a short deadline
 * of its first byte ({@link MessageDeadline}), or it gets a text and the connection closes.
 */
final class MessageProtocol implements LegacyProtocol {

    /** The longest message accepted. The tutorial has no limit; a chat line needs far less. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(MessageProtocol.class);
    private static final byte[] RECEIVED = MessageFraming.RECEIVED.getBytes(StandardCharsets.UTF_8);

    private final Application application;
    private final Optional<ClassId> inbox;
    private final Duration messageTime;

    MessageProtocol(Application application, Optional<ClassId> inbox, Duration messageTime) {
        this.application = application;
        this.inbox = inbox;
        this.messageTime = messageTime;
    }

    @Override
    public Ending serve(Socket socket, InetAddress client, OutputStream out) throws IOException {
        InputStream in = socket.getInputStream();
        while (true) {
            int first = in.read();
            if (first < 0) {
                return Ending.INPUT_ENDED;
            }
            MessageDeadline deadline = MessageDeadline.start(socket, messageTime);
            byte[] header = new byte[MessageFraming.HEADER_BYTES];
            header[0] = (byte) first;
            byte[] rest = deadline.readNBytes(in, MessageFraming.HEADER_BYTES - 1);
            System.arraycopy(rest, 0, header, 1, rest.length);
            if (rest.length < MessageFraming.HEADER_BYTES - 1) {
                log.debug("Legacy message client {} hung up within a header", client);
                return Ending.INPUT_ENDED;
            }
            OptionalInt length = MessageFraming.length(header);
            if (length.isEmpty()) {
                send(out, LegacyText.BAD_HEADER.format(MessageFraming.echo(header)).getBytes(StandardCharsets.UTF_8));
                return Ending.FINISHED;
            }
            if (length.getAsInt() > MAX_MESSAGE_BYTES) {
                send(out, LegacyText.MESSAGE_TOO_LONG.format(length.getAsInt(), MAX_MESSAGE_BYTES)
                        .getBytes(StandardCharsets.UTF_8));
                return Ending.FINISHED;
            }
            byte[] body = deadline.readNBytes(in, length.getAsInt());
            if (body.length < length.getAsInt()) {
                log.debug("Legacy message client {} hung up within a message", client);
                return Ending.INPUT_ENDED;
            }
            deadline.end();
            Optional<String> decoded = StrictUtf8.decode(body);
            if (decoded.isEmpty()) {
                send(out, LegacyText.NOT_UTF8.format().getBytes(StandardCharsets.UTF_8));
                continue;
            }
            String message = decoded.get();
            boolean disconnect = message.equals(MessageFraming.DISCONNECT);
            if (inbox.isEmpty() || disconnect) {
                log.info("Legacy message from {}: {}", client, PythonLiteral.repr(message));
                send(out, RECEIVED);
            } else {
                send(out, store(inbox.get(), message, client).getBytes(StandardCharsets.UTF_8));
            }
            if (disconnect) {
                return Ending.FINISHED;
            }
        }
    }

    /** The reply to a message for {@code classId}'s inbox: the seed's confirmation once it is stored, or why not. */
    private String store(ClassId classId, String message, InetAddress client) {
        Session session = application.session(Lang.PT_BR, client);
        Response reply;
        try {
            reply = application.handle(session, new Request.Message(classId, Optional.empty(), new MessageText(message)))
                    .join();
        } catch (ChamadaException e) {
            reply = application.refusal(session, e);
        }
        return switch (reply) {
            case Response.MessageSent sent -> MessageFraming.RECEIVED;
            case Response.Failure failure -> failure.message();
            default -> throw new IllegalStateException("a message got " + reply);
        };
    }

    private static void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }
}
