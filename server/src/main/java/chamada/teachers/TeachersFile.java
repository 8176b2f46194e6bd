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
import java.util.Set;

/**
 * The teachers allowed to log in, read from a UTF-8 text file with one {@code NAME:HASH}
 * line per teacher, where HASH is a {@link PasswordHash} in its encoded form:
 *
 * <pre>
 * # Chamada teachers
 * ana:pbkdf2-sha256$600000$3q2+7w...$Lr1c...
 * </pre>
 *
 * <p>Blank lines and lines starting with {@code #} are ignored; spaces around a line are
 * too. {@link #load} refuses the whole file at the first malformed line, naming the file
 * and the line, rather than starting a server that silently locks a teacher out.
 *
 * <p>The file is read once; a loaded instance is immutable and thread-safe, and the
 * server's connection threads share it.
 */
public final class TeachersFile implements Teachers {

    private static final String HEADER = "# Chamada teachers: one NAME:HASH per line, written by \"chamada teacher add\".\n";

    /** A teacher's line: where it is, for error messages, and the hash it holds. */
    private record Entry(int line, PasswordHash hash) {
    }

    private final Path file;
    private final Map<TeacherName, Entry> entries;
    private final PasswordHash dummy = PasswordHash.dummy();

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
     * Appends a line for {@code name} with a fresh hash of {@code secret}, creating the file
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
    public static void add(Path file, TeacherName name, String secret) throws IOException {
        if (name.isReserved()) {
            throw new IllegalArgumentException("reserved name " + name + " cannot log in");
        }
        boolean exists = Files.exists(file);
        String existing = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Entry present = parse(file, existing).get(name);
        if (present != null) {
            throw new TeachersFileException(file, present.line(), TeachersFileProblem.ALREADY_PRESENT, null, name);
        }
        String line = name + ":" + PasswordHash.of(secret).encoded() + "\n";
        if (!exists) {
            createPrivate(file);
            line = HEADER + line;
        } else if (!existing.isEmpty() && !existing.endsWith("\n") && !existing.endsWith("\r")) {
            line = "\n" + line;
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The teachers in the file, in file order. */
    public Set<TeacherName> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    @Override
    public boolean openMode() {
        return false;
    }

    /**
     * The teacher whose line matches both name and secret. An unknown or invalid name
     * still costs one PBKDF2 run, so the reply time does not tell which names exist.
     */
    @Override
    public Optional<TeacherName> authenticate(String name, String secret) {
        Optional<Entry> entry = loginName(name).map(entries::get);
        if (entry.isEmpty()) {
            dummy.matches(secret);
            return Optional.empty();
        }
        return entry.get().hash().matches(secret) ? loginName(name) : Optional.empty();
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
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(line.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new TeachersFileException(file, number, TeachersFileProblem.BAD_HASH, e, name, e.getMessage());
            }
            Entry earlier = entries.putIfAbsent(name, new Entry(number, hash));
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
