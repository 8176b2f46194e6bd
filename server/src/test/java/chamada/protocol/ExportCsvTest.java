package chamada.protocol;

import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
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

        String csv = ExportCsv.of(List.of(attended, empty));

        assertThat(csv).isEqualTo(
                "class,opened_at,closed_at,matricula,checked_in_at\r\n"
                + "1010,2026-11-21T08:00:00.000-03:00,2026-11-21T08:50:00.000-03:00,042191010,2026-11-21T08:01:12.000-03:00\r\n"
                + "1010,2026-11-21T08:00:00.000-03:00,2026-11-21T08:50:00.000-03:00,7,2026-11-21T08:01:40.250-03:00\r\n"
                + "1010,2026-11-22T08:00:00.000-03:00,2026-11-22T08:05:00.000-03:00,,\r\n");
    }

    @Test
    void render_withSemicolonsAndAByteOrderMark_forExcelInPortuguese() {
        OffsetDateTime opened = OffsetDateTime.parse("2026-11-21T08:00:00-03:00");
        RollCall attended = new RollCall(new ClassId(1010), TeacherName.ofLogin("ana"), opened,
                Optional.of(opened.plusMinutes(50)), List.of(new CheckIn(new Matricula("042191010"), opened.plusSeconds(72))));

        String csv = ExportCsv.of(List.of(attended), new ExportCsv.Format(';', true));

        assertThat(csv).isEqualTo("\uFEFFclass;opened_at;closed_at;matricula;checked_in_at\r\n"
                + "1010;2026-11-21T08:00:00.000-03:00;2026-11-21T08:50:00.000-03:00;042191010;2026-11-21T08:01:12.000-03:00\r\n");
    }

    @Test
    void format_otherThanCommaOrSemicolon_isRefused() {
        assertThatThrownBy(() -> new ExportCsv.Format('\t', false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void render_noRollCalls_isTheHeaderOnly() {
        assertThat(ExportCsv.of(List.of())).isEqualTo(ExportCsv.HEADER + "\r\n");
    }
}
