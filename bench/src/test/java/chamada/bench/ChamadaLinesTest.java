package chamada.bench;

import chamada.error.ErrorCode;
import chamada.protocol.Json;
import chamada.protocol.Request;
import chamada.protocol.RequestEncoder;
import chamada.protocol.Response;
import chamada.protocol.ResponseEncoder;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The native protocol as the check-in lanes speak it: the same lines as the client library, read the same way. */
class ChamadaLinesTest {

    private static final ChamadaLines LINES = ChamadaLines.INSTANCE;
    private static final ResponseEncoder SERVER = new ResponseEncoder(Json.mapper().getFactory());
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-21T08:01:12.250-03:00");

    private static ByteBuf line(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    @Test
    void writeCheckIn_isTheLineChamadaClientSends() {
        ByteBuf out = Unpooled.buffer();

        LINES.writeCheckIn(out, 1010, 10_000_000_042L);

        String expected = new RequestEncoder(Json.mapper().getFactory())
                .encode(new Request.CheckIn(new Matricula("10000000042"), new ClassId(1010))) + "\n";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void read_whatTheServerWritesForANewCheckIn_isNew() {
        String reply = SERVER.encode(new Response.CheckedIn(1010, AT, false, Optional.empty()));

        assertThat(LINES.read(line(reply))).isEqualTo(CheckInReply.NEW);
    }

    @Test
    void read_whatTheServerWritesForAnAlreadyRegistered_isAlreadyThere() {
        String reply = SERVER.encode(new Response.CheckedIn(1010, AT, true, Optional.empty()));

        assertThat(LINES.read(line(reply))).isEqualTo(CheckInReply.ALREADY_THERE);
    }

    @Test
    void read_newWithAReplacedField_isNew() {
        String reply = SERVER.encode(new Response.CheckedIn(1010, AT, false, Optional.of(new Matricula("042191010"))));

        assertThat(reply).contains("\"replaced\"");
        assertThat(LINES.read(line(reply))).isEqualTo(CheckInReply.NEW);
    }

    @Test
    void read_anotherLayout_isReadByTheClientLibrarysDecoder() {
        String reply = "{ \"ok\": true, \"op\": \"checkin\", \"class\": 1010, \"at\": \"2026-11-21T08:01:12.250-03:00\","
                + " \"already_registered\": true }";

        assertThat(LINES.read(line(reply))).isEqualTo(CheckInReply.ALREADY_THERE);
    }

    @Test
    void read_refusedCheckIn_isRefusedWithTheServersCodeAndMessage() {
        String reply = "{\"ok\":false,\"op\":\"checkin\",\"code\":\"NOT_OPEN\",\"message\":\"The roll call of class 3030"
                + " is not open.\",\"class\":0,\"at\":\"2026-11-21T08:02:00.000-03:00\"}";

        assertThat(LINES.read(line(reply)))
                .isEqualTo(new CheckInReply.Refused("NOT_OPEN: The roll call of class 3030 is not open."));
    }

    @Test
    void read_failure_isRefusedWithTheServersCodeAndMessage() {
        String reply = SERVER.encode(new Response.Failure(ErrorCode.TOO_MANY_CONNECTIONS, "Too many."));

        assertThat(LINES.read(line(reply))).isEqualTo(new CheckInReply.Refused("TOO_MANY_CONNECTIONS: Too many."));
    }

    @Test
    void read_anotherOpsReply_isFailed() {
        String reply = SERVER.encode(new Response.Hello(1, "chamada 0.1.0", "en", true));

        assertThat(LINES.read(line(reply))).isInstanceOf(CheckInReply.Failed.class)
                .asString().contains("unexpected reply to a check-in");
    }

    @Test
    void read_notJson_isFailed() {
        assertThat(LINES.read(line("{\"ok\":true,\"op\":\"checkin\",\"already_registered\":tru")))
                .isInstanceOf(CheckInReply.Failed.class);
    }

    @Test
    void greeted_helloReply_isFine() throws IOException {
        LINES.greeted(SERVER.encode(new Response.Hello(1, "chamada 0.1.0", "en", true)));
    }

    @Test
    void greeted_refusal_throwsWithTheServersCode() {
        String reply = SERVER.encode(new Response.Failure(ErrorCode.TOO_MANY_CONNECTIONS, "Too many."));

        assertThatThrownBy(() -> LINES.greeted(reply)).isInstanceOf(IOException.class)
                .hasMessage("TOO_MANY_CONNECTIONS: Too many.");
    }

    @Test
    void greeting_isTheClientLibrarysHelloInEnglish() {
        assertThat(new String(LINES.greeting(), StandardCharsets.UTF_8)).isEqualTo("{\"op\":\"hello\",\"lang\":\"en\"}\n");
    }
}
