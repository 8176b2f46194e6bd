package chamada.teachers;

import chamada.error.ChamadaException;
import chamada.error.Expected;
import chamada.error.Fields;
import chamada.rollcall.TeacherName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teachers file: a UTF-8 text file with one {@code NAME:HASH} line per teacher, where HASH
 * is a {@link PasswordHash} in its encoded form, and {@code :admin} after it for an administrator:
 *
 * <pre>
 * # Chamada teachers
 * ana:pbkdf2-sha256$600000$3q2+7w...$Lr1c...:admin
 * bia:pbkdf2-sha256$600000$9f0a+1...$Qx7d...
 * </pre>
 *
 * <p>The server imports it into its store at every start ({@link AccountStore#importTeachers}):
 * it is how the first administrator is made, and it stays the truth for the teachers it lists.
 *
 * <p>Blank lines and lines starting with {@code #} are ignored; spaces around a line are
 * too. {@link #load} refuses the whole file at the first malformed line, naming the file
 * and the line, rather than starting a server that silently locks a teacher out.
 *
 * <p>A loaded instance is immutable.
 */
public final class TeachersFile {

    private static final String HEADER = "# Chamada teachers: one NAME:HASH (or NAME:HASH:admin) per line, written by \"chamada teacher add\".\n";
    private static final String ADMINISTRATOR = "admin";

    /** A teacher's line: where it is, for error messages, and the hash it holds. */
    private record Entry(int line, PasswordHash hash, boolean administrator) {
    }

    private final Path file;
    private final Map<TeacherName, Entry> entries;

    private TeachersFile(Path file, Map<TeacherName, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * Reads and checks the whole file.
     *
     * @throws TeachersFileException at the first malformed line or repeated name
     * @throws IOException           if the file cannot be read (missing, not UTF-8, ...)
     */
    public static TeachersFile load(Path file) throws IOException {
        return new TeachersFile(file, parse(file, Files.readString(file, StandardCharsets.UTF_8)));
    }

    /**
     * Appends a line for {@code name} with a fresh hash of {@code secret}, marked as an
     * administrator's if {@code administrator}, creating the file
     * (and its directory) if needed. A new file gets permissions {@code rw-------} where the
     * file system has POSIX permissions; an existing file keeps its own.
     *
     * <p>A name already in the file is refused, not replaced: re-running a command by mistake
     * must not change a colleague's secret. To change a secret, delete the line and add again.
     * The existing file is checked in full first, so nothing is appended to a malformed file.
     * Two {@code add}s at the same moment on the same file are not guarded against.
     *
     * @throws TeachersFileException if the name is already present or the file is malformed
     * @throws IllegalArgumentException if {@code name} is reserved or {@code secret} empty
     */
    public static void add(Path file, TeacherName name, String secret, boolean administrator) throws IOException {
        if (name.isReserved()) {
            throw new IllegalArgumentException("reserved name " + name + " cannot log in");
        }
        boolean exists = Files.exists(file);
        String existing = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Entry present = parse(file, existing).get(name);
        if (present != null) {
            throw new TeachersFileException(file, present.line(), TeachersFileProblem.ALREADY_PRESENT, null, name);
        }
        String line = name + ":" + PasswordHash.of(secret).encoded() + (administrator ? ":" + ADMINISTRATOR : "") + "\n";
        if (!exists) {
            createPrivate(file);
            line = HEADER + line;
        } else if (!existing.isEmpty() && !existing.endsWith("\n") && !existing.endsWith("\r")) {
            line = "\n" + line;
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The teachers in the file, in file order. */
    public List<FileTeacher> teachers() {
        return entries.entrySet().stream()
                .map(entry -> new FileTeacher(entry.getKey(), entry.getValue().hash(), entry.getValue().administrator()))
                .toList();
    }

    @Override
    public String toString() {
        return "TeachersFile[" + file + ", " + entries.size() + " teacher(s)]";
    }

    private static Optional<TeacherName> loginName(String name) {
        try {
            return Optional.of(TeacherName.ofLogin(name));
        } catch (ChamadaException e) {
            return Optional.empty();
        }
    }

    private static Map<TeacherName, Entry> parse(Path file, String text) throws TeachersFileException {
        Map<TeacherName, Entry> entries = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new TeachersFileException(file, number, TeachersFileProblem.NO_SEPARATOR, null);
            }
            String rawName = line.substring(0, colon).strip();
            TeacherName name = loginName(rawName).orElseThrow(() -> new TeachersFileException(
                    file, number, TeachersFileProblem.BAD_NAME, null, Fields.echo(rawName), Expected.TEACHER_NAME));
            String rest = line.substring(colon + 1).strip();
            boolean administrator = rest.endsWith(":" + ADMINISTRATOR);
            if (administrator) {
                rest = rest.substring(0, rest.length() - ADMINISTRATOR.length() - 1).strip();
            }
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(rest);
            } catch (IllegalArgumentException e) {
                throw new TeachersFileException(file, number, TeachersFileProblem.BAD_HASH, e, name, e.getMessage());
            }
            Entry earlier = entries.putIfAbsent(name, new Entry(number, hash, administrator));
            if (earlier != null) {
                throw new TeachersFileException(file, number, TeachersFileProblem.DUPLICATE, null, name, earlier.line());
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private static void createPrivate(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
