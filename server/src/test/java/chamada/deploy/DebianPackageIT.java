package chamada.deploy;

import chamada.testing.TestTls;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Debian package as a school's IT person meets it (issue 15): {@code ./chamada package}
 * builds it; {@code dpkg -i} installs the user, the unit and the config file; the installed
 * server, started as the unit would start it, serves a check-in over the native port and HTTPS
 * with no JDK in sight; an upgrade keeps the data and the edited config file; and a purge leaves
 * the machine as it was. This machine runs no systemd, so the unit itself is not started (its
 * checks are in {@link SystemdUnitTest}).
 *
 * <p>It runs after the {@code package} phase (failsafe), since it packages {@code target/chamada.jar},
 * as root (dpkg), and only on a machine with no trace of Chamada installed: its purge would
 * delete a real install's data.
 */
class DebianPackageIT {

    private static final String PACKAGE = "chamada";
    private static final Duration BUILD = Duration.ofMinutes(15);
    private static final Duration STEP = Duration.ofMinutes(2);
    /** Everything the package or its scripts make, which must be gone after a purge. */
    private static final List<Path> INSTALLED = List.of(Path.of("/usr/bin/chamada"), Path.of("/usr/lib/chamada"),
            Path.of("/lib/systemd/system/chamada.service"), Path.of("/etc/chamada"), Path.of("/var/lib/chamada"),
            Path.of("/var/log/chamada"), Path.of("/usr/share/doc/chamada"));
    private static final List<Path> ACCOUNTS = List.of(Path.of("/etc/passwd"), Path.of("/etc/group"),
            Path.of("/etc/shadow"), Path.of("/etc/gshadow"));
    private static final Path CONFIG = Path.of("/etc/chamada/chamada.yaml");
    /** The test's self-signed certificate the config serves; the installed CLI trusts it with --ca, as a school's would. */
    private static final String SERVER_CERTIFICATE = "/etc/chamada/tls/fullchain.pem";
    private static final Path TEACHERS = Path.of("/etc/chamada/teachers.txt");
    private static final Map<String, String> TEACHER = Map.of("CHAMADA_SECRET", "segredo-da-ana");

    @Test
    void package_installServeUpgradePurge_keepsDataAndConfigThenLeavesNoTrace() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self")) && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0,
                "not root: the Debian package is not installed and tested (dpkg needs root)");
        for (String tool : List.of("dpkg", "dpkg-deb", "setpriv")) {
            assumeTrue(onPath(tool), tool + " is missing: the Debian package is not installed and tested");
        }
        assumeTrue(!known(PACKAGE), "the chamada package is already installed here: it is left alone and not tested");
        for (Path path : INSTALLED) {
            assumeTrue(!Files.exists(path), path + " exists (Chamada installed by hand?): the package's purge"
                    + " would delete it, so the package is not tested");
        }
        assumeTrue(ProcessResult.run(STEP, "getent", "passwd", "chamada").exit() != 0,
                "a user chamada exists (Chamada installed by hand?): the package's purge would delete it, so the"
                        + " package is not tested");
        Map<Path, String> accounts = new HashMap<>();
        for (Path file : ACCOUNTS) {
            accounts.put(file, Files.readString(file));
        }

        Path deb = build();
        try {
            install(deb);
            checkInstalled();
            configureAsAnAdministratorWould();
            serveOnce();
            upgrade(deb);
            serveAgain();
        } finally {
            if (known(PACKAGE)) {
                ProcessResult.run(STEP, "dpkg", "--purge", PACKAGE).succeeded();
            }
        }

        assertThat(known(PACKAGE)).as("dpkg still knows the package after its purge").isFalse();
        assertThat(INSTALLED).as("left behind by the purge").noneMatch(Files::exists);
        for (Path file : ACCOUNTS) {
            assertThat(Files.readString(file)).as("%s after the purge", file).isEqualTo(accounts.get(file));
        }
    }

    /** {@code ./chamada package}, with the JDK that built the jar; its last line names the package. */
    private static Path build() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home")));
        // Only used if the jar had to be built again; Maven keeps its repository under it.
        if (System.getenv("HOME") != null) {
            env.put("HOME", System.getenv("HOME"));
        }
        ProcessResult built = ProcessResult.run(BUILD, env, List.of("./chamada", "package")).succeeded();
        List<String> lines = built.output().lines().toList();
        Path deb = Path.of(lines.getLast());
        assertThat(deb.getFileName().toString()).matches("chamada_[0-9][^_]*_[a-z0-9]+\\.deb");
        assertThat(deb).isRegularFile();

        for (String field : List.of("Package", "Version", "Architecture", "Maintainer", "Description", "Depends",
                "Section", "Priority", "Installed-Size")) {
            assertThat(ProcessResult.run(STEP, "dpkg-deb", "--field", deb.toString(), field).succeeded().output())
                    .as("the control file's %s", field).isNotBlank();
        }
        return deb;
    }

    private static void install(Path deb) throws IOException, InterruptedException {
        ProcessResult.run(STEP, Map.of("DEBIAN_FRONTEND", "noninteractive"), List.of("dpkg", "-i", deb.toString()))
                .succeeded();
    }

    private static void checkInstalled() throws IOException, InterruptedException {
        String user = ProcessResult.run(STEP, "getent", "passwd", "chamada").succeeded().output().strip();
        assertThat(user).endsWith(":/var/lib/chamada:/usr/sbin/nologin");
        assertThat(Path.of("/lib/systemd/system/chamada.service")).hasSameTextualContentAs(Path.of("deploy/chamada.service"));
        assertThat(CONFIG).hasSameTextualContentAs(Path.of("deploy/chamada.yaml"));
        assertThat(ProcessResult.run(STEP, "dpkg-query", "--showformat=${Conffiles}", "--show", PACKAGE).succeeded()
                .output()).as("the package's conffiles").contains(CONFIG.toString());
        PosixFileAttributes teachers = Files.readAttributes(TEACHERS, PosixFileAttributes.class);
        assertThat(teachers.group().getName()).isEqualTo("chamada");
        assertThat(PosixFilePermissions.toString(teachers.permissions())).isEqualTo("rw-r-----");
        assertThat(Files.readAttributes(Path.of("/var/lib/chamada"), PosixFileAttributes.class).owner().getName())
                .isEqualTo("chamada");

        // With a JDK nowhere on its PATH. AOTMode=on: the JVM refuses to start unless the packaged
        // start-up archive fits the installed runtime and jar.
        String version = ProcessResult.run(STEP, "dpkg-query", "--showformat=${Version}", "--show", PACKAGE).succeeded()
                .output();
        assertThat(installed(Map.of("CHAMADA_JAVA_OPTS", "-XX:AOTMode=on"), "--version").succeeded().output())
                .startsWith("chamada " + version + "\n");
    }

    /**
     * What README's install says next: a teacher in the teachers file, and the config file
     * edited, here to serve HTTPS with the certificate put in /etc/chamada/tls/ (the test's own).
     */
    private static void configureAsAnAdministratorWould() throws IOException, InterruptedException {
        installed(TEACHER, "teacher", "add", "ana", "--admin", "--teachers", TEACHERS.toString()).succeeded();
        Path tls = Files.createDirectories(Path.of("/etc/chamada/tls"));
        Files.copy(TestTls.file("ec-cert.pem"), tls.resolve("fullchain.pem"));
        Files.copy(TestTls.file("ec-key.pem"), tls.resolve("privkey.pem"));
        ProcessResult.run(STEP, "chgrp", "chamada", tls.resolve("fullchain.pem").toString(),
                tls.resolve("privkey.pem").toString()).succeeded();
        ProcessResult.run(STEP, "chmod", "640", tls.resolve("privkey.pem").toString()).succeeded();
        String example = Files.readString(CONFIG);
        String edited = example.replace("# tls-cert: ", "tls-cert: ").replace("# tls-key: ", "tls-key: ");
        assertThat(edited).as("the example config's TLS lines, uncommented").isNotEqualTo(example);
        Files.writeString(CONFIG, edited);
    }

    private static void serveOnce() throws Exception {
        try (InstalledServer server = InstalledServer.start(STEP)) {
            String port = String.valueOf(server.port());
            installed(TEACHER, "teacher", "open", "1010", "--code-policy", "none", "--name", "ana", "--port", port,
                    "--ca", SERVER_CERTIFICATE).succeeded();
            assertThat(installed(Map.of(), "student", "checkin", "20240001", "1010", "--port", port,
                    "--ca", SERVER_CERTIFICATE).succeeded().output()).startsWith("Attendance registered in class 1010 at ");
            assertHealthyOverHttps(server);
            assertThat(overHttps(server, "/metrics").body()).as("/metrics from the packaged runtime")
                    .contains("chamada_checkins_total 1.0").contains("process_cpu_usage");
            stop(server);
        }
    }

    /**
     * Installs the same package again under a higher version, as the next release would come:
     * dpkg runs the same scripts in the same order as for a real upgrade.
     */
    private static void upgrade(Path deb) throws IOException, InterruptedException {
        String edited = Files.readString(CONFIG);
        Path tree = Files.createTempDirectory("chamada-upgrade");
        try {
            ProcessResult.run(STEP, "dpkg-deb", "--raw-extract", deb.toString(), tree.resolve("p").toString()).succeeded();
            Path control = tree.resolve("p/DEBIAN/control");
            String version = ProcessResult.run(STEP, "dpkg-deb", "--field", deb.toString(), "Version").succeeded()
                    .output().strip();
            Files.writeString(control, Files.readString(control).replace("Version: " + version + "\n",
                    "Version: " + version + "+next\n"));
            Path next = tree.resolve("chamada-next.deb");
            // Uncompressed: the quickest to build and to install.
            ProcessResult.run(STEP, "dpkg-deb", "--root-owner-group", "-Znone", "--build",
                    tree.resolve("p").toString(), next.toString()).succeeded();
            install(next);
            assertThat(ProcessResult.run(STEP, "dpkg-query", "--showformat=${Version}", "--show", PACKAGE).succeeded()
                    .output()).isEqualTo(version + "+next");
        } finally {
            ProcessResult.run(STEP, "rm", "-rf", tree.toString()).succeeded();
        }
        assertThat(Files.readString(CONFIG)).as("the edited config file after the upgrade").isEqualTo(edited);
        try (var siblings = Files.list(CONFIG.getParent())) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .as("what /etc/chamada holds after the upgrade").containsExactlyInAnyOrder("chamada.yaml", "teachers.txt", "tls");
        }
    }

    /** After the upgrade: the roll call and its check-in are still there, and HTTPS comes from the kept config. */
    private static void serveAgain() throws Exception {
        try (InstalledServer server = InstalledServer.start(STEP)) {
            assertThat(installed(Map.of(), "student", "checkin", "20240001", "1010", "--port", String.valueOf(server.port()),
                    "--ca", SERVER_CERTIFICATE).succeeded().output()).startsWith("You had already registered in class 1010 (at ");
            assertHealthyOverHttps(server);
            stop(server);
        }
    }

    private static void assertHealthyOverHttps(InstalledServer server) throws IOException, InterruptedException {
        HttpResponse<String> health = overHttps(server, "/api/v1/health");
        assertThat(health.statusCode()).as("GET /api/v1/health over HTTPS: %s", health.body()).isEqualTo(200);
    }

    private static HttpResponse<String> overHttps(InstalledServer server, String path) throws IOException, InterruptedException {
        return TestTls.client(STEP).send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.webPort() + path))
                .timeout(STEP).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as {@code systemctl stop}: the JVM's own exit code for it, 143, is a success to the unit. */
    private static void stop(InstalledServer server) throws InterruptedException {
        assertThat(server.stop(STEP)).as("exit code after SIGTERM; the server said:%n%s", server.said()).isIn(0, 143);
        assertThat(server.said()).contains("Server stopped.");
    }

    /** {@code /usr/bin/chamada} in English, run by root as an administrator would, with {@code env} added. */
    private static ProcessResult installed(Map<String, String> env, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/chamada", "--lang", "en"));
        command.addAll(List.of(arguments));
        return ProcessResult.run(STEP, env, command);
    }

    /** Whether dpkg knows the package in any state but "not installed" (a removed one keeps its config files). */
    private static boolean known(String name) throws IOException, InterruptedException {
        ProcessResult status = ProcessResult.run(STEP, "dpkg-query", "--showformat=${db:Status-Status}", "--show", name);
        return status.exit() == 0 && !status.output().strip().equals("not-installed");
    }

    private static boolean onPath(String command) {
        return List.of(ProcessResult.PATH.split(":")).stream().anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }
}
