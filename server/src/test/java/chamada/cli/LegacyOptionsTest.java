package chamada.cli;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code chamada server --legacy ...}: the options, the start-up lines, and their refusals. */
class LegacyOptionsTest {

    private static final Pattern LEGACY = Pattern.compile("Legacy ports \\(the seeds' clients; no authentication\\):"
            + " roll call on 127\\.0\\.0\\.1:(\\d+), messages on 127\\.0\\.0\\.1:(\\d+), file download on 127\\.0\\.0\\.1:(\\d+)\\.");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private String[] server(String... more) {
        String[] base = {"server", "--bind", "127.0.0.1", "--port", "0", "--http-port", "off", "--db", dir.resolve("c.db").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void server_withLegacy_saysWhereTheLegacyPortsAreAndServesThem() throws IOException {
        Path files = dir.resolve("material");
        CliRunner.Running server = new CliRunner().start(server("--legacy", "--legacy-bind", "127.0.0.1",
                "--legacy-port", "0", "--legacy-messages-port", "0", "--legacy-files-port", "0",
                "--legacy-files", files.toString()));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> LEGACY.matcher(server.out()).find());
            Matcher ports = LEGACY.matcher(server.out());
            assertThat(ports.find()).isTrue();

            try (Socket teacher = new Socket("127.0.0.1", Integer.parseInt(ports.group(1)))) {
                teacher.setSoTimeout(20_000);
                OutputStream out = teacher.getOutputStream();
                out.write("1010,teacher".getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = teacher.getInputStream();
                String expected = "A chamada da turma 1010 foi ativada em ";
                byte[] reply = in.readNBytes(expected.getBytes(StandardCharsets.UTF_8).length);
                assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        } finally {
            server.stop();
        }
        CliRunner.Result stopped = server.result();

        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(stopped.out()).contains("Legacy file download offers the files of " + files.toAbsolutePath() + "." + NL);
        assertThat(files).isDirectory();
    }

    @Test
    void server_withoutLegacy_saysNothingOfIt() {
        CliRunner.Running server = new CliRunner().start(server());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.out().contains("Ctrl-C"));
        server.stop();

        assertThat(server.result().out()).doesNotContain("Legacy");
    }

    @Test
    void legacyOption_withoutLegacy_isAUsageError() {
        CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run(server("--legacy-port", "6000"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("--legacy-port precisa de --legacy, que liga as portas legadas." + NL);
    }

    @Test
    void legacyValueOutOfRange_isAUsageErrorNamingTheOption() {
        CliRunner.Result result = new CliRunner().run(server("--legacy", "--legacy-files-port", "70000",
                "--legacy-files", dir.resolve("f").toString()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("Invalid configuration: --legacy-files-port must be from 0 to 65535, got 70000" + NL);
    }

    @Test
    void legacyPortTaken_isUnreachableNamingTheOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());

            CliRunner.Result result = new CliRunner().lang(Lang.PT_BR).run(server("--legacy", "--legacy-bind", "127.0.0.1",
                    "--legacy-port", "0", "--legacy-messages-port", port, "--legacy-files-port", "0",
                    "--legacy-files", dir.resolve("f").toString()));

            assertThat(result.err()).isEqualTo("Não foi possível escutar em 127.0.0.1:" + port + ", a porta legada de"
                    + " mensagens (endereço já em uso, ou não pertence a esta máquina; troque-a com --legacy-messages-port)." + NL);
            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        }
    }

    @Test
    void legacyBindUnknown_isAUsageError() {
        // A malformed IPv6 literal: refused without asking any name server.
        CliRunner.Result result = new CliRunner().run(server("--legacy", "--legacy-bind", "[not-an-address]"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("--legacy-bind [not-an-address] is not an address of this machine,"
                + " nor a name that resolves to one." + NL);
    }

    @Test
    void help_listsTheLegacyOptionsWithTheirDefaults() {
        CliRunner.Result result = new CliRunner().run("server", "--help");

        assertThat(result.out()).contains("--legacy ", "--legacy-bind=ADDRESS", "--legacy-port=PORT",
                "--legacy-messages-port=PORT", "--legacy-files-port=PORT", "--legacy-files=DIR",
                "--legacy-idle-timeout=SECONDS", "default: 0.0.0.0", "default: 5050", "default: 5051", "default: 50000",
                "chamada-data/legacy-files", "default: 43200");
    }

    @Test
    void texts_areNonBlankWithTheSamePlaceholdersInBothLanguages() {
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        for (Bilingual text : LegacyOptionsText.values()) {
            assertThat(text.pt()).as("pt of %s", text).isNotBlank();
            assertThat(placeholder.matcher(text.pt()).results().map(java.util.regex.MatchResult::group).sorted().toList())
                    .as("placeholders of %s", text)
                    .isEqualTo(placeholder.matcher(text.en()).results().map(java.util.regex.MatchResult::group).sorted().toList());
        }
    }
}
