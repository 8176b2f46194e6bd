package chamada.protocol.legacy;

import chamada.error.Fields;

import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of the file-download seed ({@code seeds/004}, port 50000): a menu out, an
 * index in, the Python literal of {@code [name, lines]} out.
 *
 * <p>The seed's server answers {@code str([name, f.readlines()])} for a file opened in text
 * mode; {@link #reply} gives the same text: {@link #lines} splits as {@code readlines()} does
 * with Python's universal newlines ({@code \r\n} and a lone {@code \r} read as {@code \n}),
 * and {@link PythonLiteral} renders the list. Stateless and thread-safe.
 */
public final class FileDownloadCodec {

    /** The most the index may take, as the seed's {@code recv(128)}. */
    public static final int MAX_CHOICE_BYTES = 128;

    static final String TITLE = "-- OPÇÕES ENCONTRADAS -- \n\n";
    static final String QUESTION = "\nQual deles deseja baixar? ";

    private FileDownloadCodec() {
    }

    /** What the client chose: a valid index, or a refusal to send before closing. */
    public sealed interface Choice {
        record Chosen(int index) implements Choice {
        }

        record Refused(String reply) implements Choice {
        }
    }

    /** The seed's menu: the title, {@code [i] name} per file, the question. */
    public static String menu(List<String> names) {
        StringBuilder menu = new StringBuilder(TITLE);
        for (int i = 0; i < names.size(); i++) {
            menu.append('[').append(i).append("] ").append(names.get(i)).append('\n');
        }
        return menu.append(QUESTION).toString();
    }

    /**
     * The index in {@code text} among {@code count} files: ASCII digits, white space around
     * them ignored (as Python's {@code int()} does). Signs, {@code _} and other digits that
     * {@code int()} would take are refused; so is {@code -1}, which the seed would have
     * served as the last file.
     */
    public static Choice choice(String text, int count) {
        String digits = text.strip();
        boolean valid = !digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (valid && Integer.parseInt(digits) < count) {
            return new Choice.Chosen(Integer.parseInt(digits));
        }
        String echo = Fields.echo(digits);
        return new Choice.Refused(count == 0 ? LegacyText.NO_FILES.format(echo) : LegacyText.BAD_CHOICE.format(echo, count - 1));
    }

    /**
     * Whether {@code text} could still grow into another valid index: it is digits only, not
     * starting with 0, has no white space after it, and one more digit would still be below
     * {@code count}. The
     * protocol has no terminator, so a server that read {@code 1} from a menu of twelve
     * waits a moment for a possible {@code 0} or {@code 1}.
     */
    public static boolean couldContinue(String text, int count) {
        if (text.isEmpty() || text.length() > 8 || text.charAt(0) == '0'
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Long.parseLong(text) * 10 < count;
    }

    /** {@code str([name, lines])}: what the seed's client {@code eval}s to write the file back. */
    public static String reply(String name, String text) {
        return PythonLiteral.list(List.of(name, lines(text)));
    }

    /** Python's {@code readlines()} in text mode: lines keeping their {@code \n}; {@code \r\n} and {@code \r} become {@code \n}. */
    public static List<String> lines(String text) {
        String universal = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < universal.length()) {
            int newline = universal.indexOf('\n', start);
            int end = newline < 0 ? universal.length() : newline + 1;
            lines.add(universal.substring(start, end));
            start = end;
        }
        return lines;
    }
}
