package chamada.protocol;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInRules;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportCsvTest {

    @Test
    void render_oneRowPerCheckIn_andOneEmptyRowForARollCallNobodyAttended() {
        OffsetDateTime opened = OffsetDateTime.parse("2026-11-21T08:00:00-03:00");
        RollCall attended = new RollCall(new ClassId(1010), TeacherName.ofLogin("ana"), opened,
                Optional.of(opened.plusMinutes(50)), List.of(
                new CheckIn(new Matricula("042191010"), opened.plusSeconds(72)),
                new CheckIn(new Matricula("7"), opened.plusSeconds(100).plusNanos(250_000_000))));
        RollCall empty = new RollCall(new ClassId(1010), TeacherName.OPEN_MODE, opened.plusDays(1),
                Optional.of(opened.plusDays(1).plusMinutes(5)), List.of());

        String csv = ExportCsv.of(List.of(new NumberedRollCall(4, attended), new NumberedRollCall(9, empty)),
                RosterNames.none());

        assertThat(csv).isEqualTo(ExportCsv.HEADER + "\r\n"
                + "4,1010,2026-11-21T08:00:00.000-03:00,2026-11-21T08:50:00.000-03:00,042191010,,2026-11-21T08:01:12.000-03:00,present,\r\n"
                + "4,1010,2026-11-21T08:00:00.000-03:00,2026-11-21T08:50:00.000-03:00,7,,2026-11-21T08:01:40.250-03:00,present,\r\n"
                + "9,1010,2026-11-22T08:00:00.000-03:00,2026-11-22T08:05:00.000-03:00,,,,,\r\n");
    }

    @Test
    void render_withSemicolonsAndAByteOrderMark_forExcelInPortuguese() {
        OffsetDateTime opened = OffsetDateTime.parse("2026-11-21T08:00:00-03:00");
        RollCall attended = new RollCall(new ClassId(1010), TeacherName.ofLogin("ana"), opened,
                Optional.of(opened.plusMinutes(50)), List.of(new CheckIn(new Matricula("042191010"), opened.plusSeconds(72))));

        String csv = ExportCsv.of(List.of(new NumberedRollCall(4, attended)),
                new RosterNames(true, Map.of(new Matricula("042191010"), new StudentName("Souza; Ana \"Aninha\""))),
                new ExportCsv.Format(';', true));

        assertThat(csv).isEqualTo("\uFEFF" + ExportCsv.HEADER.replace(',', ';') + "\r\n"
                + "4;1010;2026-11-21T08:00:00.000-03:00;2026-11-21T08:50:00.000-03:00;042191010;\"Souza; Ana \"\"Aninha\"\"\";"
                + "2026-11-21T08:01:12.000-03:00;present;\r\n");
    }

    @Test
    void format_otherThanCommaOrSemicolon_isRefused() {
        assertThatThrownBy(() -> new ExportCsv.Format('\t', false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void render_noRollCalls_isTheHeaderOnly() {
        assertThat(ExportCsv.of(List.of(), RosterNames.none())).isEqualTo(ExportCsv.HEADER + "\r\n");
    }

    /** Late check-ins say how many minutes after the opening; the absent and a teacher's marks follow the check-ins. */
    @Test
    void render_lateCheckInsAbsentAndMarked_eachWithItsStatus() {
        OffsetDateTime opened = OffsetDateTime.parse("2026-11-21T08:00:00-03:00");
        RollCall rollCall = new RollCall(new ClassId(1010), TeacherName.ofLogin("ana"), opened,
                Optional.of(opened.plusMinutes(50)), List.of(
                new CheckIn(new Matricula("1"), opened.plusMinutes(3)),
                new CheckIn(new Matricula("2"), opened.plusMinutes(17).plusSeconds(30)),
                new CheckIn(new Matricula("3"), opened.plusMinutes(20))),
                CheckInRules.none().withLateAfter(Optional.of(Duration.ofMinutes(10))),
                Map.of(new Matricula("3"), AttendanceStatus.EXCUSED, new Matricula("4"), AttendanceStatus.ABSENT,
                        new Matricula("5"), AttendanceStatus.PRESENT));

        List<String> rows = ExportCsv.of(List.of(new NumberedRollCall(4, rollCall)), RosterNames.none()).lines()
                .map(line -> line.substring(line.indexOf(",,") + 1)).skip(1).toList();

        assertThat(rows).containsExactly(
                ",2026-11-21T08:03:00.000-03:00,present,",
                ",2026-11-21T08:17:30.000-03:00,late,17",
                ",2026-11-21T08:20:00.000-03:00,excused,",
                ",,absent,",
                ",,present,");
    }
}
