package chamada.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as aligned columns, two spaces apart, indented two: text to the left, numbers to the right. */
final class Table {

    private Table() {
    }

    /** Prints {@code rows} (the first is the heading); the first {@code textColumns} columns align left, the others right. */
    static void print(PrintWriter out, List<List<String>> rows, int textColumns) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                String spaces = " ".repeat(widths[i] - cell.length());
                line.append(' ').append(i < textColumns ? cell + spaces : spaces + cell).append(i < columns - 1 ? " " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
