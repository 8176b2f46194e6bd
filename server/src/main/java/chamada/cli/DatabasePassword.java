package chamada.cli;

import chamada.i18n.Lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A PostgreSQL password, for {@code chamada server} and {@code chamada migrate}: the first line
 * of {@code --db-password-file}, else {@value #VARIABLE}, else none. Never an argument: a command
 * line is visible to every user of the machine.
 */
final class DatabasePassword {

    static final String VARIABLE = "CHAMADA_DB_PASSWORD";

    private DatabasePassword() {
    }

    /** The password from {@code file} (may be null) or the environment; a file without one is a usage error. */
    static Optional<String> read(Path file, Terminal terminal, Lang lang) {
        if (file == null) {
            return terminal.env(VARIABLE);
        }
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line = Optional.ofNullable(reader.readLine()).orElse("");
            String password = line.startsWith("\uFEFF") ? line.substring(1) : line; // a byte-order mark is no part of it
            if (password.isEmpty()) {
                throw CommandFailure.badValue("--db-password-file", ServerCommandText.EMPTY_PASSWORD_FILE.format(lang, file));
            }
            return Optional.of(password);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE,
                    ServerCommandText.PASSWORD_FILE_UNREADABLE.format(lang, file, Reasons.file(e, lang)), e);
        }
    }
}
