package chamada.web;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.protocol.Op;
import chamada.protocol.Request;
import chamada.protocol.RequestDecoder;
import chamada.protocol.Wire;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a JSON API call (its operation, the class in its path, its body) into the native
 * protocol's {@link Request}, through the native decoder: the API takes the same fields, and
 * refuses bad ones with the same errors, as a line on the native port. The path's class wins
 * over a {@code "class"} in the body.
 */
final class ApiRequests {

    private final ObjectMapper json;
    private final RequestDecoder decoder;

    ApiRequests(ObjectMapper json) {
        this.json = json;
        this.decoder = new RequestDecoder(json);
    }

    /** The query parameters {@code names} of {@code request}, as the JSON object a body would carry them in. */
    String fromQuery(org.eclipse.jetty.server.Request request, List<String> names) {
        Fields query = org.eclipse.jetty.server.Request.extractQueryParameters(request);
        ObjectNode fields = json.createObjectNode();
        for (String name : names) {
            String value = query.getValue(name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        return fields.toString();
    }

    /**
     * A call's body as text. Bytes that are not UTF-8 are refused as the native port refuses such
     * a line ({@code BAD_ENCODING}, a 400). The bytes are read whole first and decoded here:
     * Jetty's {@code Content.Source.asString} throws a plain {@link IllegalArgumentException} for
     * them from inside its reading, which Jetty answered with a 500 (issue 16's fuzzing).
     */
    static String body(Content.Source source) throws IOException {
        ByteBuffer bytes = Content.Source.asByteBuffer(source);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new ChamadaException(ErrorCode.BAD_ENCODING);
        }
    }

    /** The request {@code op} on class {@code classText} with the JSON object {@code body} (blank: none). */
    Request decode(Op op, String classText, String body) {
        ObjectNode line = json.createObjectNode();
        if (!body.isBlank()) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (JsonProcessingException e) {
                int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
                throw new ChamadaException(ErrorCode.BAD_JSON, column);
            }
            if (node == null || !node.isObject()) {
                throw new ChamadaException(ErrorCode.BAD_JSON, 1);
            }
            line.setAll((ObjectNode) node);
        }
        line.put(Wire.OP, op.wire());
        line.put(Wire.CLASS, classText);
        return decoder.decode(line.toString());
    }
}
