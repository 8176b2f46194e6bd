package chamada.cli;

import chamada.protocol.Op;
import chamada.server.legacy.LegacyPort;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/SECURITY.md's table of who may do what against the code: every op of the native
 * protocol, every route of the web front, every legacy port and every command of {@code chamada}
 * has its row, no row names something the code no longer has, and every row's test
 * ({@code Class#method}) is a test method in the test sources.
 *
 * <p>The web front's routes have no list to ask: they are read from the code that dispatches
 * them ({@code HttpFront}'s routes, then the paths {@code TeacherPages}, {@code ClassPages} and
 * {@code ApiCall} switch on), so a route added there fails here until the table has it.
 */
class SecurityDocTest {

    private static final Path DOC = Path.of("docs/SECURITY.md");
    private static final Path WEB = Path.of("server/src/main/java/chamada/web");
    private static final Path TESTS = Path.of("server/src/test/java");
    private static final Pattern HEADING = Pattern.compile("^#{2,3} (.+)$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");

    /** One row of a table: its section, the first code of its first cell, and the tests its last cell names. */
    private record Row(String section, String entry, List<String> tests) {
    }

    @Test
    void everyNativeOp_hasItsRow_andEveryRowIsAnOp() {
        Set<String> ops = Arrays.stream(Op.values()).map(Op::wire).collect(Collectors.toCollection(TreeSet::new));

        assertThat(entries("Native protocol")).isEqualTo(ops);
    }

    @Test
    void everyWebRoute_hasItsRow_andEveryRowIsARoute() {
        assertThat(entries("Web front")).isEqualTo(webRoutes());
    }

    @Test
    void everyLegacyPort_hasItsRows() {
        Set<String> options = Arrays.stream(LegacyPort.values()).map(LegacyPort::option)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(entries("Legacy ports")).isEqualTo(options);
    }

    @Test
    void everyCommand_hasItsRow_orIsSaidToTouchNothing() {
        Set<String> commands = new TreeSet<>();
        commandsUnder(Main.commandLine(Terminal.system()), "chamada", commands);
        Set<String> said = new TreeSet<>(entries("Command line"));
        said.addAll(touchingNothing());

        assertThat(commands).as("commands of chamada").contains("chamada teacher open", "chamada admin forget");
        assertThat(said).isEqualTo(commands);
    }

    @Test
    void everyRow_namesATest_thatIsATestMethod() {
        List<Row> rows = rows();
        assertThat(rows).as("rows of docs/SECURITY.md").hasSizeGreaterThan(100);
        for (Row row : rows) {
            assertThat(row.tests()).as("the test of %s (%s)", row.entry(), row.section()).isNotEmpty();
            row.tests().forEach(test -> assertThat(isTestMethod(test)).as("%s, the test of %s (%s), is a test method"
                    + " of %s", test, row.entry(), row.section(), TESTS).isTrue());
        }
    }

    /** The entries of one section's table. */
    private static Set<String> entries(String section) {
        return rows().stream().filter(row -> row.section().equals(section)).map(Row::entry)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String section = "";
        for (String line : lines()) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                section = heading.group(1);
            } else if (line.startsWith("| `")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                Matcher entry = CODE.matcher(cells[1]);
                assertThat(entry.find()).as(line).isTrue();
                List<String> tests = TEST.matcher(cells[cells.length - 1]).results()
                        .map(test -> test.group(1) + "#" + test.group(2)).toList();
                rows.add(new Row(section, entry.group(1), tests));
            }
        }
        return rows;
    }

    /** The commands the table's introduction says touch neither a server nor a store. */
    private static Set<String> touchingNothing() {
        String doc = String.join(" ", lines());
        Matcher said = Pattern.compile("Commands that touch neither a server nor a store: ([^(]+)").matcher(doc);
        assertThat(said.find()).as("the sentence naming the commands that touch nothing").isTrue();
        return CODE.matcher(said.group(1)).results().map(code -> code.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(DOC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void commandsUnder(CommandLine command, String path, Set<String> commands) {
        command.getSubcommands().forEach((name, sub) -> {
            // picocli lists a command under each of its aliases too: the name it was given is the one.
            if (name.equals(sub.getCommandName())) {
                commands.add(path + " " + name);
                commandsUnder(sub, path + " " + name, commands);
            }
        });
    }

    /**
     * Every route the web front answers, as {@code METHOD /path}, with {@code CLASS} and
     * {@code NAME} for a class's number and a material's name.
     */
    private static Set<String> webRoutes() {
        Set<String> routes = new TreeSet<>();
        // A prefix whose handler switches on the rest of the path: its routes are that handler's.
        Map<String, Set<String>> dispatched = new LinkedHashMap<>();
        dispatched.put("/teacher", matches("TeacherPages.java", "case \"(/[a-z/.-]*) (GET|POST)\"", "$2 /teacher$1"));
        Set<String> classPages = new TreeSet<>(matches("ClassPages.java", "case \"([a-z/.-]*) (GET|POST)\"",
                "$2 /classes/CLASS/$1"));
        classPages.addAll(matches("ClassPages.java", "rest\\.startsWith\\(\"([a-z-]+)/\"\\)", "PUT /classes/CLASS/$1/NAME"));
        dispatched.put("/classes", classPages.stream().map(route -> route.endsWith("/") ? route.substring(0,
                route.length() - 1) : route).collect(Collectors.toSet()));
        Set<String> api = new TreeSet<>(matches("ApiCall.java", "case \"([a-z/.-]+) (GET|POST|PUT|DELETE)\" ->",
                "$2 /api/v1/classes/CLASS/$1"));
        String materials = matches("ApiCall.java", "rest\\.getFirst\\(\\)\\.equals\\(\"([a-z-]+)\"\\)", "$1")
                .iterator().next();
        api.addAll(matches("ApiCall.java", "case \"(GET|PUT|DELETE)\" -> new ApiCall",
                "$1 /api/v1/classes/CLASS/" + materials + "/NAME"));
        api.addAll(matches("ApiCall.java",
                "path\\.equals\\(List\\.of\\(\"([a-z-]+)\"\\)\\)\\) \\{\\s*return method\\.equals\\(\"([A-Z]+)\"\\)",
                "$2 /api/v1/$1"));
        dispatched.put("/api/v1", api);
        for (String route : matches("HttpFront.java", "\\.(get|post|put|delete)\\((ApiHandler\\.PATH \\+ )?\"([^\"]*)\"",
                "$1 $2$3")) {
            String[] parts = route.split(" ", 2);
            String method = parts[0].toUpperCase(java.util.Locale.ROOT);
            String path = parts[1].replace("ApiHandler.PATH + ", "/api/v1");
            if (!path.endsWith("/*")) {
                routes.add(method + " " + path);
                continue;
            }
            String prefix = path.substring(0, path.length() - 2);
            if (dispatched.containsKey(prefix)) {
                dispatched.get(prefix).stream().filter(sub -> sub.startsWith(method + " ")).forEach(routes::add);
            } else {
                routes.add(method + " " + prefix + "/CLASS");
            }
        }
        assertThat(routes).as("the web front's routes, read from its code").contains("GET /",
                "POST /teacher/login", "GET /classes/CLASS", "POST /classes/CLASS/close", "PUT /classes/CLASS/materials/NAME",
                "POST /api/v1/session", "GET /api/v1/health", "DELETE /api/v1/classes/CLASS/materials/NAME",
                "GET /api/v1/classes/CLASS/roll-call/events", "GET /metrics");
        return routes;
    }

    /** Every match of {@code regex} in the web front's {@code file}, written as {@code replacement}. */
    private static Set<String> matches(String file, String regex, String replacement) {
        try {
            String code = Files.readString(WEB.resolve(file));
            Pattern pattern = Pattern.compile(regex);
            Set<String> found = pattern.matcher(code).results()
                    .map(match -> pattern.matcher(match.group()).replaceFirst(replacement))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(found).as("%s in %s", regex, file).isNotEmpty();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code test} ({@code Class#method}) is a method of a class of the test sources. */
    private static boolean isTestMethod(String test) {
        String[] parts = test.split("#");
        try (Stream<Path> files = Files.walk(TESTS)) {
            List<Path> classes = files.filter(file -> file.getFileName().toString().equals(parts[0] + ".java")).toList();
            for (Path file : classes) {
                if (Pattern.compile("@(Test|ParameterizedTest)[^;]*?\\s+void " + Pattern.quote(parts[1]) + "\\(")
                        .matcher(Files.readString(file)).find()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
