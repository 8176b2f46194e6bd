package chamada.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The example exchanges of a Markdown document: every fenced block with a given tag, as its
 * lines starting with {@code "> "} (sent) or {@code "< "} (received). The doc tests replay them.
 */
public final class DocSessions {

    private DocSessions() {
    }

    /** The exchanges of every block fenced as {@code ```fence}, in the order of the document. */
    public static List<List<String>> of(String markdown, String fence) {
        List<List<String>> sessions = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n")) {
            if (line.equals("```" + fence)) {
                current = new ArrayList<>();
            } else if (line.equals("```") && current != null) {
                sessions.add(current);
                current = null;
            } else if (current != null && (line.startsWith("> ") || line.startsWith("< "))) {
                current.add(line);
            }
        }
        return sessions;
    }
}
