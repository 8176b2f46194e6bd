package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;
import chamada.server.ServerConfig;
import chamada.teachers.TeachersFile;
import chamada.testing.MutableClock;
import chamada.testing.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A server for command-line tests: a teachers file with {@code ana} (secret {@code s3cret}), the
 * test's clock at 01/12/2026 08:00 in São Paulo, and commands run against its port, as a teacher
 * or as anybody.
 */
final class CliServer implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T11:00:00Z"), ZoneId.of("America/Sao_Paulo"));
    final TestServer server;

    CliServer(Path dir) {
        this(dir, UnaryOperator.identity());
    }

    /** As {@link #CliServer(Path)}, its config first changed by {@code customize} (TLS, say). */
    CliServer(Path dir, UnaryOperator<ServerConfig> customize) {
        Path teachers = dir.resolve("teachers.txt");
        try {
            TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = TestServer.start(dir, config -> customize.apply(config.withTeachersFile(teachers)), clock);
    }

    /** {@code chamada teacher ARGS... --name ana --secret s3cret}, in {@code lang}. */
    CliRunner.Result teacher(Lang lang, String... args) {
        List<String> all = new ArrayList<>(List.of("teacher"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--name", "ana", "--secret", "s3cret"));
        return run(new CliRunner().lang(lang), all.toArray(String[]::new));
    }

    /** {@code chamada ARGS...} through {@code runner}, at this server's port. */
    CliRunner.Result run(CliRunner runner, String... args) {
        return runner.run(withPort(args));
    }

    String[] withPort(String... args) {
        String[] withPort = Arrays.copyOf(args, args.length + 2);
        withPort[args.length] = "--port";
        withPort[args.length + 1] = Integer.toString(server.port());
        return withPort;
    }

    @Override
    public void close() {
        server.close();
    }
}
