package chamada.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/chamada.service}, the unit the Debian package installs: {@code systemd-analyze
 * verify} finds nothing to say about it (no unknown key, no bad value), and it runs the server as
 * its own user, from its config file, with the hardening a school's server should have. The tests
 * run no systemd: only its checker. The one change made to the unit for the check is where the
 * program is, since {@code /usr/bin/chamada} exists only once the package is installed.
 */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("deploy", "chamada.service");
    private static final String PROGRAM = "/usr/bin/chamada";

    @TempDir
    Path dir;

    @Test
    void systemdAnalyzeVerify_hasNothingToSayAboutTheUnit() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed (apt-get install systemd):"
                + " the service unit is not checked");
        Path program = Files.writeString(dir.resolve("chamada"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("ExecStart=" + PROGRAM + " ");
        Path copy = Files.writeString(dir.resolve("chamada.service"), unit.replace(PROGRAM, program.toString()));

        Process verify = new ProcessBuilder("systemd-analyze", "verify", copy.toString()).redirectErrorStream(true)
                .start();
        verify.getOutputStream().close();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(said).as("what systemd-analyze says about the unit").isEmpty();
        assertThat(verify.exitValue()).isZero();
    }

    @Test
    void theUnit_runsTheServerAsItsOwnUser_fromItsConfigFile_hardened() throws IOException {
        List<String> lines = Files.readAllLines(UNIT).stream().map(String::strip).toList();

        assertThat(lines).contains("User=chamada", "Group=chamada", "StateDirectory=chamada",
                "ConfigurationDirectory=chamada", "WorkingDirectory=/var/lib/chamada",
                "ExecStart=/usr/bin/chamada server --config /etc/chamada/chamada.yaml",
                "KillSignal=SIGTERM", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                "PrivateTmp=yes", "CapabilityBoundingSet=", "WantedBy=multi-user.target");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(":")).stream().anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }
}
