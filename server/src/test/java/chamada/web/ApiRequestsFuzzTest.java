package chamada.web;

import chamada.error.ChamadaException;
import chamada.protocol.FuzzOutcomes;
import chamada.protocol.Json;
import chamada.protocol.Op;
import chamada.protocol.Request;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.eclipse.jetty.io.content.ByteBufferContentSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes the JSON API's reading of a call (issue 16, RELIABILITY.md "Fuzzing") without HTTP:
 * the input's first line is the method and the path under {@code /api/v1} (e.g. {@code POST
 * classes/1010/check-ins}), the rest its body (for a call without one, its query's fields as
 * JSON). {@link ApiCall#of} finds the operation, {@link ApiRequests#body} reads the body's bytes
 * and {@link ApiRequests#decode} the request, as {@code ApiHandler} does. The only outcomes
 * allowed are no such call, a request, or the native decoder's refusal ({@link ChamadaException},
 * told in both languages); a request written as a native line must read back the same.
 */
class ApiRequestsFuzzTest {

    private static final ApiRequests REQUESTS = new ApiRequests(Json.mapper());
    /** The calls {@code ApiHandler} reads with {@link ApiRequests}; the others (login, health, files) have their own code. */
    private static final Set<Op> THROUGH_THE_DECODER = EnumSet.complementOf(
            EnumSet.of(Op.LOGIN, Op.HEALTH, Op.DOWNLOAD, Op.UPLOAD, Op.REMOVE_MATERIAL));

    @FuzzTest
    void calls_becomeRequestsOrRefusals(byte[] input) throws IOException {
        int newline = indexOf(input, (byte) '\n');
        String first = new String(input, 0, newline, StandardCharsets.UTF_8);
        byte[] bodyBytes = Arrays.copyOfRange(input, Math.min(input.length, newline + 1), input.length);
        int space = first.indexOf(' ');
        String method = space < 0 ? first : first.substring(0, space);
        List<String> path = space < 0 ? List.of() : Arrays.asList(first.substring(space + 1).split("/", -1));
        Optional<ApiCall> call = ApiCall.of(method, path);
        if (call.isEmpty() || call.get().stream() || !THROUGH_THE_DECODER.contains(call.get().op())) {
            return; // no such call, or one that ApiHandler answers without the decoder
        }
        Op op = call.get().op();
        Request request;
        try {
            String body = call.get().hasBody() ? ApiRequests.body(new ByteBufferContentSource(ByteBuffer.wrap(bodyBytes)))
                    : op == Op.REPORT || op == Op.INBOX ? new String(bodyBytes, StandardCharsets.UTF_8) // its query, as JSON
                    : "";
            request = REQUESTS.decode(op, call.get().classText(), body);
        } catch (ChamadaException refused) {
            FuzzOutcomes.assertToldInBothLanguages(refused);
            return;
        }
        FuzzOutcomes.assertReadsBack(request);
    }

    /** Where {@code b} first is in {@code bytes}, or their length. */
    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
