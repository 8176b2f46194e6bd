package chamada.cli;

import chamada.attendance.Mark;
import chamada.attendance.Reason;
import chamada.messages.MessageText;
import chamada.messages.PostResult;
import chamada.messages.Posting;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.DeviceId;
import chamada.rollcall.Matricula;
import chamada.rollcall.OpenResult;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import chamada.store.SqliteRollCallStore;
import chamada.store.postgres.PostgresAddress;
import chamada.store.postgres.PostgresStore;
import chamada.teachers.AccountEdit;
import chamada.teachers.PasswordHash;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chamada migrate}: an embedded store's roll calls, open and closed, with a phone's
 * replacement, arrive in PostgreSQL as the embedded store reads them, with their ids and the
 * session key; running it again changes nothing; a database holding other data is refused.
 */
class MigrateCommandTest {

    private static final String HASH =
            "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$VYHFlBMF+l3a5tLUVKqUQrPYY8Ij03Qt8PY9YfiJkgc=";

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final ClassId CLOSED = new ClassId(1010);
    private static final ClassId OPEN = new ClassId(2020);
    private static final TeacherName ANA = new TeacherName("ana");
    private static final DeviceId PHONE = new DeviceId("phone-of-student-0001");

    @TempDir
    Path dir;

    private static RosterEntry student(String matricula, String name) {
        return new RosterEntry(new Matricula(matricula), new StudentName(name));
    }

    private long clock = 1_764_000_000_000L;

    @Test
    void migrate_copiesEverything_thenSaysItIsThere_andRefusesAnotherDatabase() {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore embedded = SqliteRollCallStore.open(file, ZONE)) {
            embedded.replaceRoster(CLOSED, List.of(student("42191010", "Ana"), student("042191010", "Bruno"),
                    student("7", "Carla"), student("99", "Davi"))).join();
            embedded.open(CLOSED, ANA, tick()).join();
            embedded.checkIn(new CheckInAttempt(CLOSED, new Matricula("42191010"), Optional.empty(), Optional.of(PHONE),
                    tick())).join();
            assertThat(embedded.checkIn(new CheckInAttempt(CLOSED, new Matricula("042191010"), Optional.empty(),
                    Optional.of(PHONE), tick())).join()).isInstanceOf(CheckInResult.Replaced.class);
            embedded.checkIn(CLOSED, new Matricula("7"), tick()).join();
            embedded.close(CLOSED, ANA, tick()).join();
            embedded.mark(new Mark(CLOSED, Optional.empty(), new Matricula("99"), AttendanceStatus.EXCUSED,
                    new Reason("atestado"), ANA, tick(), Duration.ofDays(7), false)).join();
            embedded.open(OPEN, ANA, CheckInRules.none().withAcceptUnknown(true)
                    .withLateAfter(Optional.of(Duration.ofMinutes(10))), tick()).join();
            embedded.checkIn(OPEN, new Matricula("8"), tick()).join();
            embedded.changeAccount(new AccountEdit.Add(ANA, PasswordHash.parse(HASH), true)).join();
            embedded.assign(CLOSED, List.of(ANA)).join();
            PostResult.Posted posted = (PostResult.Posted) embedded.post(new Posting(CLOSED, Optional.of(new Matricula("7")),
                    new MessageText("Vale nota?"), tick())).join();
            // The newest message, with an old time: a purge takes it (and nothing else), leaving the file's
            // highest message id below the highest it ever gave.
            OffsetDateTime longAgo = OffsetDateTime.parse("2020-03-02T08:00:00-03:00");
            embedded.post(new Posting(CLOSED, Optional.of(new Matricula("7")), new MessageText("apagada"), longAgo)).join();
            embedded.deleteClosedBefore(longAgo.plusSeconds(1)).join();
            embedded.allowAnonymous(CLOSED, true).join();
            embedded.show(CLOSED, Optional.of(posted.message().id()), tick()).join();
        }
        PostgresAddress database = TestPostgres.freshDatabase();

        CliRunner.Result copied = new CliRunner().run("--lang", "en", "migrate", "--from", file.toString(),
                "--to", database.toString());
        CliRunner.Result again = new CliRunner().run("--lang", "en", "migrate", "--from", file.toString(),
                "--to", database.toString());

        assertThat(copied.exitCode()).as(copied.err()).isEqualTo(ExitCodes.OK);
        assertThat(copied.out()).isEqualTo("Copied 2 roll calls (1 open), 3 check-ins, 1 replacements, 4 roster students,"
                + " 2 statuses and 1 audit records from " + file + " into " + database + "; counted again there: the same."
                + System.lineSeparator());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).startsWith(database + " already holds what the file holds (2 roll calls, 1 open,");
        try (SqliteRollCallStore embedded = SqliteRollCallStore.open(file, ZONE);
             PostgresStore postgres = PostgresStore.open(database, Optional.empty(), ZONE)) {
            assertThat(postgres.closedRollCalls(CLOSED).join()).isEqualTo(embedded.closedRollCalls(CLOSED).join());
            assertThat(postgres.closedRollCalls(CLOSED).join().getFirst().absent())
                    .containsExactly(new Matricula("42191010"));
            assertThat(postgres.audit(CLOSED).join()).isEqualTo(embedded.audit(CLOSED).join()).hasSize(1);
            assertThat(postgres.roster(CLOSED).join()).isEqualTo(embedded.roster(CLOSED).join());
            assertThat(postgres.history(CLOSED).join()).isEqualTo(embedded.history(CLOSED).join());
            assertThat(postgres.openRollCalls().join()).isEqualTo(embedded.openRollCalls().join());
            assertThat(postgres.sessionKey()).isEqualTo(embedded.sessionKey());
            assertThat(postgres.accounts().join()).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(embedded.accounts().join()).hasSize(1);
            assertThat(postgres.assignments().join()).isEqualTo(embedded.assignments().join()).hasSize(1);
            assertThat(postgres.inbox(CLOSED, false, 10).join()).isEqualTo(embedded.inbox(CLOSED, false, 10).join()).hasSize(1);
            assertThat(postgres.anonymousAllowed(CLOSED).join()).isTrue();
            assertThat(postgres.shown(CLOSED).join()).isEqualTo(embedded.shown(CLOSED).join()).isPresent();
            PostResult.Posted next = (PostResult.Posted) postgres.post(new Posting(CLOSED, Optional.of(new Matricula("7")),
                    new MessageText("depois"), tick())).join();
            assertThat(next.message().id()).as("past every id the file gave, the purged one's too").isEqualTo(3);
            postgres.close(OPEN, ANA, tick()).join();
            OpenResult reopened = postgres.open(OPEN, ANA, tick()).join();
            assertThat(((OpenResult.Opened) reopened).id()).as("ids after the copied ones").isGreaterThan(2);
        }
    }

    @Test
    void migrate_intoADatabaseHoldingOtherData_isRefusedAndWritesNothing() {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore embedded = SqliteRollCallStore.open(file, ZONE)) {
            embedded.open(CLOSED, ANA, tick()).join();
        }
        PostgresAddress database = TestPostgres.freshDatabase();
        try (PostgresStore other = PostgresStore.open(database, Optional.empty(), ZONE)) {
            other.open(OPEN, ANA, tick()).join();
            other.checkIn(OPEN, new Matricula("9"), tick()).join();
        }

        CliRunner.Result result = new CliRunner().lang(chamada.i18n.Lang.PT_BR).run("migrate", "--from",
                file.toString(), "--to", database.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).isEqualTo(database + " já tem outros dados (1 chamadas, 1 presenças), e " + file
                + " tem 1 chamadas e 0 presenças: nada foi copiado. Migre para um banco vazio." + System.lineSeparator());
    }

    @Test
    void migrate_whileANodeRunsOnTheDatabase_isRefusedAndWritesNothing() {
        Path file = dir.resolve("chamada.db");
        try (SqliteRollCallStore embedded = SqliteRollCallStore.open(file, ZONE)) {
            embedded.open(CLOSED, ANA, tick()).join();
        }
        PostgresAddress database = TestPostgres.freshDatabase();
        try (PostgresStore node = PostgresStore.open(database, Optional.empty(), ZONE)) {
            byte[] keyOfTheNode = node.sessionKey();

            CliRunner.Result result = new CliRunner().run("--lang", "en", "migrate", "--from", file.toString(),
                    "--to", database.toString());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.REFUSED);
            assertThat(result.err()).isEqualTo("1 Chamada server(s) use " + database + " now: nothing was copied. Stop"
                    + " every server on that database, migrate, then start them." + System.lineSeparator());
            assertThat(node.history(CLOSED).join()).isEmpty();
            try (PostgresStore another = PostgresStore.open(database, Optional.empty(), ZONE)) {
                assertThat(another.sessionKey()).as("the key every node holds").isEqualTo(keyOfTheNode);
            }
        }
    }

    private OffsetDateTime tick() {
        clock += 1_000;
        return Instant.ofEpochMilli(clock).atZone(ZONE).toOffsetDateTime();
    }
}
