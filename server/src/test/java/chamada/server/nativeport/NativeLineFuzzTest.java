package chamada.server.nativeport;

import chamada.error.ChamadaException;
import chamada.protocol.FuzzOutcomes;
import chamada.protocol.Json;
import chamada.protocol.Request;
import chamada.protocol.RequestDecoder;
import chamada.server.ServerConfig;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes what the native port does with the bytes a stranger sends (issue 16, RELIABILITY.md
 * "Fuzzing"): {@link LineFramer} cuts them into lines and {@link RequestDecoder} reads each. The
 * only outcomes allowed are a request or the decoder's refusal ({@link ChamadaException}, with a
 * message in both languages); anything else thrown is a crash. Two invariants besides: the bytes
 * framed as they arrive in pieces give the same lines as framed at once, and a decoded request
 * written by the client's encoder decodes to the same request.
 *
 * <p>The first byte says how big the pieces are; the rest is what arrives.
 */
class NativeLineFuzzTest {

    private static final RequestDecoder DECODER = new RequestDecoder(Json.mapper());

    @FuzzTest
    void receivedBytes_becomeRequestsOrRefusals(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] received = Arrays.copyOfRange(input, 1, input.length);
        int piece = 1 + Byte.toUnsignedInt(input[0]);
        List<LineFramer.Frame> framed = frames(received, received.length + 1);
        assertThat(frames(received, piece)).as("the same bytes in pieces of %d", piece).isEqualTo(framed);
        for (LineFramer.Frame frame : framed) {
            if (frame instanceof LineFramer.Frame.Line line) {
                decodeOrRefuse(line.text());
            }
        }
    }

    /** Every frame of {@code received} arriving {@code piece} bytes at a time, up to the first that ends the reading. */
    private static List<LineFramer.Frame> frames(byte[] received, int piece) {
        LineFramer framer = new LineFramer(ServerConfig.DEFAULT_MAX_LINE_BYTES);
        ByteBuf in = Unpooled.buffer();
        List<LineFramer.Frame> frames = new ArrayList<>();
        for (int at = 0; at < received.length; at += piece) {
            in.writeBytes(received, at, Math.min(piece, received.length - at));
            while (true) {
                int before = in.readerIndex();
                LineFramer.Frame frame = framer.next(in);
                if (frame instanceof LineFramer.Frame.Incomplete) {
                    break;
                }
                frames.add(frame);
                if (frame instanceof LineFramer.Frame.TooLong) {
                    return frames;
                }
                assertThat(in.readerIndex()).as("a line is consumed").isGreaterThan(before);
            }
            in.discardReadBytes();
        }
        return frames;
    }

    private static void decodeOrRefuse(String line) {
        Request request;
        try {
            request = DECODER.decode(line);
        } catch (ChamadaException refused) {
            FuzzOutcomes.assertToldInBothLanguages(refused);
            return;
        }
        FuzzOutcomes.assertReadsBack(request);
    }
}
