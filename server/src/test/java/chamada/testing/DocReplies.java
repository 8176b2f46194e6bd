package chamada.testing;

import chamada.protocol.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the doc tests compare a documented reply with the server's: times, the server's version,
 * session tokens, check-in codes and the journal's lag may differ; everything else must be the same.
 */
public final class DocReplies {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}([+-]\\d{2}:\\d{2}|Z)");
    private static final Pattern HUMAN_TIME = Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");

    private DocReplies() {
    }

    /** Every ISO time in {@code node}, by its JSON path. */
    public static Map<String, String> times(JsonNode node, String path) {
        Map<String, String> times = new HashMap<>();
        if (node.isTextual() && TIME.matcher(node.asText()).matches()) {
            times.put(path, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> times.putAll(times(field.getValue(), path + "/" + field.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                times.putAll(times(node.get(i), path + "/" + i));
            }
        }
        return times;
    }

    /** The roll-call number a reply names, if it names one. */
    public static java.util.Optional<String> rollCall(JsonNode reply) {
        return reply.hasNonNull("roll_call") ? java.util.Optional.of(reply.get("roll_call").asText())
                : java.util.Optional.empty();
    }

    /** In a successful reply, {@code "code"} is a check-in code (in a refusal it is the error code). */
    public static boolean isCheckInCode(JsonNode reply) {
        return reply.path("ok").asBoolean() && reply.hasNonNull("code");
    }

    public static JsonNode normalize(JsonNode node) {
        if (node.isTextual()) {
            String text = HUMAN_TIME.matcher(TIME.matcher(node.asText()).replaceAll("<time>")).replaceAll("<time>");
            return TextNode.valueOf(text);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), switch (field.getKey()) {
                    case "server" -> TextNode.valueOf("<version>");
                    case "token" -> TextNode.valueOf("<token>");
                    // A forgotten student's pseudonym is random.
                    case "pseudonym" -> TextNode.valueOf("<pseudonym>");
                    case "code" -> isCheckInCode(node) ? TextNode.valueOf("<code>") : field.getValue();
                    // A roll call's number is the store's: PostgreSQL's identity skips those a refused open drew.
                    case "roll_call" -> TextNode.valueOf("<roll call>");
                    // How far the database is behind the journal depends on when the applier last ran.
                    case "journal_lag" -> TextNode.valueOf("<lag>");
                    case "id" -> node.has("opened_at") ? TextNode.valueOf("<roll call>") : field.getValue();
                    default -> normalize(field.getValue());
                });
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(normalize(item)));
            return copy;
        }
        return node;
    }
}
