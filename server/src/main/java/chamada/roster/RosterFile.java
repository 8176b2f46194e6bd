package chamada.roster;

import chamada.error.ChamadaException;
import chamada.error.Fields;
import chamada.rollcall.Matricula;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A roster file read: its students, and every line that could not be read, by number. Used by
 * the CLI before anything is sent and by the teacher's web page on an upload, so both report
 * the same lines the same way.
 *
 * <p>The format is what a spreadsheet saves as CSV: UTF-8 (a byte-order mark is dropped), a
 * header line naming the columns {@code matricula} and {@code name} (or {@code nome}; accents
 * and case aside, in any order, other columns ignored), separated by commas or, as spreadsheets
 * in a Brazilian locale write them, semicolons, with RFC 4180 quotes around a field that holds
 * one. Blank lines are skipped. Each line is parsed on its own, so a bad quote on one line is
 * reported there and the next line is still read; a name cannot span lines.
 */
public record RosterFile(List<RosterEntry> students, List<RosterLineProblem> problems) {

    public RosterFile {
        students = List.copyOf(students);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Reads {@code bytes} as a roster file; never throws for what the file holds. */
    public static RosterFile read(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(new RosterLineProblem(1, RosterProblem.NOT_UTF8, List.of()));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return read(text.split("\r\n|\n|\r", -1));
    }

    private static RosterFile read(String[] lines) {
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            return failed(new RosterLineProblem(1, RosterProblem.NO_HEADER, List.of()));
        }
        String header = lines[headerLine];
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator(header)).get();
        int matriculaColumn = -1;
        int nameColumn = -1;
        try {
            List<String> columns = fields(format, header);
            for (int i = 0; i < columns.size(); i++) {
                switch (columnName(columns.get(i))) {
                    case "matricula" -> matriculaColumn = matriculaColumn < 0 ? i : matriculaColumn;
                    case "name", "nome" -> nameColumn = nameColumn < 0 ? i : nameColumn;
                    default -> {
                    }
                }
            }
        } catch (BadQuotes e) {
            // Read as no header below.
        }
        if (matriculaColumn < 0 || nameColumn < 0) {
            return failed(new RosterLineProblem(headerLine + 1, RosterProblem.NO_HEADER, List.of()));
        }
        List<RosterEntry> students = new ArrayList<>();
        List<RosterLineProblem> problems = new ArrayList<>();
        Map<Matricula, Integer> seen = new HashMap<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int number = i + 1;
            try {
                List<String> fields = fields(format, lines[i]);
                RosterEntry entry = entry(fields, matriculaColumn, nameColumn, number);
                Integer earlier = seen.putIfAbsent(entry.matricula(), number);
                if (earlier != null) {
                    problems.add(new RosterLineProblem(number, RosterProblem.DUPLICATE,
                            List.of(entry.matricula().value(), Integer.toString(earlier))));
                } else if (students.size() == Roster.MAX_STUDENTS) {
                    problems.add(new RosterLineProblem(number, RosterProblem.TOO_MANY,
                            List.of(Integer.toString(Roster.MAX_STUDENTS))));
                } else {
                    students.add(entry);
                }
            } catch (BadLine e) {
                problems.add(e.problem);
            } catch (BadQuotes e) {
                problems.add(new RosterLineProblem(number, RosterProblem.QUOTES, List.of(Fields.echo(lines[i]))));
            }
        }
        return new RosterFile(students, problems);
    }

    private static RosterEntry entry(List<String> fields, int matriculaColumn, int nameColumn, int number)
            throws BadLine {
        if (fields.size() <= matriculaColumn || fields.get(matriculaColumn).isBlank()) {
            throw new BadLine(new RosterLineProblem(number, RosterProblem.MISSING_FIELD, List.of("matricula")));
        }
        if (fields.size() <= nameColumn || fields.get(nameColumn).isBlank()) {
            throw new BadLine(new RosterLineProblem(number, RosterProblem.MISSING_FIELD, List.of("name")));
        }
        String matricula = fields.get(matriculaColumn).strip();
        String name = fields.get(nameColumn);
        Matricula parsed;
        try {
            parsed = new Matricula(matricula);
        } catch (ChamadaException e) {
            throw new BadLine(new RosterLineProblem(number, RosterProblem.BAD_MATRICULA, List.of(Fields.echo(matricula))));
        }
        try {
            return new RosterEntry(parsed, new StudentName(name));
        } catch (ChamadaException e) {
            throw new BadLine(new RosterLineProblem(number, RosterProblem.BAD_NAME, List.of(Fields.echo(name))));
        }
    }

    /** A semicolon when the header has one and no comma, as a spreadsheet in a Brazilian locale saves it. */
    private static char separator(String header) {
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    private static String columnName(String column) {
        String plain = Normalizer.normalize(column.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT);
    }

    private static List<String> fields(CSVFormat format, String line) throws BadQuotes {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), format)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.getFirst().toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BadQuotes();
        }
    }

    private static RosterFile failed(RosterLineProblem problem) {
        return new RosterFile(List.of(), List.of(problem));
    }

    /** A line refused for what it holds; its problem says why. */
    private static final class BadLine extends Exception {
        final transient RosterLineProblem problem;

        BadLine(RosterLineProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    /** A line whose quotes do not pair up. */
    private static final class BadQuotes extends Exception {
        BadQuotes() {
            super(null, null, false, false);
        }
    }
}
