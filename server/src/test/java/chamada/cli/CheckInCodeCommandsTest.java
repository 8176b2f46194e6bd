package chamada.cli;

import chamada.rollcall.TeacherName;
import chamada.teachers.TeachersFile;
import chamada.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-in code through the CLI: a teacher's open proposes one and prints it, a student types it. */
class CheckInCodeCommandsTest {

    private static final Pattern CODE = Pattern.compile("Check-in code: (\\d{6}) ");

    @TempDir
    Path dir;

    private TestServer server;
    private String port;

    @BeforeEach
    void start() throws Exception {
        Path teachers = dir.resolve("teachers.txt");
        TeachersFile.add(teachers, TeacherName.ofLogin("ana"), "s3cret", false);
        server = TestServer.start(dir, config -> config.withTeachersFile(teachers));
        port = Integer.toString(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void open_withTeachersFile_proposesARotatingCode_thatAStudentTypes() {
        CliRunner.Result opened = teacher("open", "2020");
        Matcher code = CODE.matcher(opened.out());
        assertThat(code.find()).as(opened.out()).isTrue();

        CliRunner.Result without = new CliRunner().run("--lang", "en", "student", "checkin", "042191010", "2020",
                "--port", port);
        CliRunner.Result with = new CliRunner().run("--lang", "en", "student", "checkin", "042191010", "2020",
                "--code", code.group(1), "--port", port);

        assertThat(without.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(without.err()).startsWith("Class 0: the roll call of class 2020 asks for the check-in code shown"
                + " in the classroom; type it too. Refused at ");
        assertThat(with.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(with.out()).startsWith("Attendance registered in class 2020 at ");
        assertThat(teacher("status", "2020").out()).contains("042191010").containsPattern(CODE.pattern());
    }

    @Test
    void open_fixedPolicy_printsOneCodeForTheWholeRollCall() {
        CliRunner.Result opened = teacher("open", "2020", "--code-policy", "fixed");

        assertThat(opened.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(opened.out()).containsPattern("Check-in code: \\d{6} \\(the same for the whole roll call\\)\\.");
    }

    @Test
    void open_policyNone_printsNoCode_andStudentsNeedNone() {
        assertThat(teacher("open", "2020", "--code-policy", "none").out()).doesNotContain("code");

        assertThat(new CliRunner().run("student", "checkin", "042191010", "2020", "--port", port).exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void badPolicyOrCode_isAUsageErrorAndNothingIsSent() {
        assertThat(teacher("open", "2020", "--code-policy", "sometimes").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result badCode = new CliRunner().run("--lang", "en", "student", "checkin", "042191010", "2020",
                "--code", "12345", "--port", port);

        assertThat(badCode.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badCode.err()).contains("Invalid field code: \"12345\"");
    }

    private CliRunner.Result teacher(String... args) {
        String[] full = new String[args.length + 7];
        full[0] = "--lang";
        full[1] = "en";
        full[2] = "teacher";
        System.arraycopy(args, 0, full, 3, args.length);
        full[args.length + 3] = "--name";
        full[args.length + 4] = "ana";
        full[args.length + 5] = "--port";
        full[args.length + 6] = port;
        return new CliRunner().env("CHAMADA_SECRET", "s3cret").run(full);
    }
}
