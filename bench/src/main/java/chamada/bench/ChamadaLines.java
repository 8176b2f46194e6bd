package chamada.bench;

import chamada.i18n.Lang;
import chamada.protocol.Json;
import chamada.protocol.ProtocolException;
import chamada.protocol.Request;
import chamada.protocol.RequestEncoder;
import chamada.protocol.Response;
import chamada.protocol.ResponseDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Chamada's native protocol (PROTOCOL.md) for the check-in lanes: the greeting is the client
 * library's {@code hello} in English, each check-in is the JSON line {@code ChamadaClient}
 * sends, {@code {"op":"checkin","matricula":"…","class":…}}, and each reply is one JSON object.
 *
 * <p>Design note. The server writes an acknowledged check-in as
 * <code>{"ok":true,"op":"checkin",…,"already_registered":false}</code> (or {@code true}), and such
 * a line is read by comparing its first and last bytes alone: in JSON, where a quote inside a
 * string is escaped, a line that ends so ends with that key of the reply and its value, never with
 * the inside of a string. Every other reply (a refusal, a {@code replaced} field after it, another
 * layout) goes to the client library's {@link ResponseDecoder}, which reads it as
 * {@code ChamadaClient} would.
 */
final class ChamadaLines implements LineProtocol {

    static final ChamadaLines INSTANCE = new ChamadaLines();

    private static final ResponseDecoder DECODER = new ResponseDecoder(Json.mapper());
    private static final byte[] GREETING = (new RequestEncoder(Json.mapper().getFactory())
            .encode(new Request.Hello(Optional.of(Lang.EN))) + "\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] MATRICULA = ascii("{\"op\":\"checkin\",\"matricula\":\"");
    private static final byte[] CLASS = ascii("\",\"class\":");
    private static final byte[] END = ascii("}\n");
    private static final byte[] CHECKED_IN = ascii("{\"ok\":true,\"op\":\"checkin\",");
    private static final byte[] REGISTERED_NEW = ascii(",\"already_registered\":false}");
    private static final byte[] REGISTERED_BEFORE = ascii(",\"already_registered\":true}");

    private ChamadaLines() {
    }

    @Override
    public byte[] greeting() {
        return GREETING.clone();
    }

    /** As {@code ChamadaClient.connect}: a refusal (too many connections, shutting down) or another reply is no lane. */
    @Override
    public void greeted(String reply) throws IOException {
        Response hello;
        try {
            hello = DECODER.decode(reply);
        } catch (ProtocolException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (hello instanceof Response.Refusal refusal) {
            throw new IOException(refusal.code().wireName() + ": " + refusal.message());
        }
        if (!(hello instanceof Response.Hello)) {
            throw new IOException("expected a hello reply, got " + hello);
        }
    }

    @Override
    public void writeCheckIn(ByteBuf out, int classId, long matricula) {
        out.writeBytes(MATRICULA);
        ByteBufUtil.writeAscii(out, Long.toString(matricula));
        out.writeBytes(CLASS);
        ByteBufUtil.writeAscii(out, Integer.toString(classId));
        out.writeBytes(END);
    }

    @Override
    public CheckInReply read(ByteBuf line) {
        if (startsWith(line, 0, CHECKED_IN)) {
            if (endsWith(line, REGISTERED_NEW)) {
                return CheckInReply.NEW;
            }
            if (endsWith(line, REGISTERED_BEFORE)) {
                return CheckInReply.ALREADY_THERE;
            }
        }
        try {
            return CheckInReply.of(DECODER.decode(line.toString(StandardCharsets.UTF_8)));
        } catch (ProtocolException e) {
            return new CheckInReply.Failed(e.getMessage());
        }
    }

    private static boolean endsWith(ByteBuf line, byte[] suffix) {
        return line.readableBytes() - CHECKED_IN.length >= suffix.length
                && startsWith(line, line.readableBytes() - suffix.length, suffix);
    }

    private static boolean startsWith(ByteBuf line, int at, byte[] prefix) {
        if (line.readableBytes() - at < prefix.length) {
            return false;
        }
        int base = line.readerIndex() + at;
        for (int i = 0; i < prefix.length; i++) {
            if (line.getByte(base + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
