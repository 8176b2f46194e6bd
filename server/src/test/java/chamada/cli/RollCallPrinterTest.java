package chamada.cli;

import chamada.i18n.Lang;
import chamada.rollcall.CheckIn;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCall;
import chamada.roster.RosterNames;
import chamada.rollcall.TeacherName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class RollCallPrinterTest {

    private static final OffsetDateTime OPENED = OffsetDateTime.parse("2026-11-21T08:00:00-03:00");

    private static final RollCall CLOSED = new RollCall(new ClassId(1010), TeacherName.ofLogin("ana"), OPENED,
            Optional.of(OffsetDateTime.parse("2026-11-21T08:50:00-03:00")), List.of(
            new CheckIn(new Matricula("042191010"), OffsetDateTime.parse("2026-11-21T08:01:12-03:00")),
            new CheckIn(new Matricula("7"), OffsetDateTime.parse("2026-11-21T08:01:40.250-03:00")),
            new CheckIn(new Matricula("042191011"), OffsetDateTime.parse("2026-11-22T00:03:05-03:00"))));

    @Test
    void closed_portuguese_isNumberedListWithTimesAndCount() {
        String printed = print((out, lang) -> RollCallPrinter.closed(out, lang, CLOSED, RosterNames.none()), Lang.PT_BR);

        assertThat(printed).isEqualTo("""
                Chamada da turma 1010 encerrada em 21/11/2026 08:50:00. Presentes (3):
                  1. 042191010  08:01:12
                  2. 7          08:01:40
                  3. 042191011  22/11/2026 00:03:05
                """);
    }

    @Test
    void open_nobodyYet_saysSoAndNamesTheTeacher() {
        RollCall open = new RollCall(new ClassId(1010), TeacherName.ofLogin("ana"), OPENED, Optional.empty(), List.of());

        String printed = print((out, lang) -> RollCallPrinter.open(out, lang, open, RosterNames.none()), Lang.EN);

        assertThat(printed).isEqualTo("""
                Roll call of class 1010 open since 21/11/2026 08:00:00, by ana. Present so far (0):
                  (nobody)
                """);
    }

    @Test
    void open_openModeOwner_isNotShown() {
        RollCall open = new RollCall(new ClassId(7), TeacherName.OPEN_MODE, OPENED, Optional.empty(), List.of());

        String printed = print((out, lang) -> RollCallPrinter.open(out, lang, open, RosterNames.none()), Lang.PT_BR);

        assertThat(printed).startsWith("Chamada da turma 7 aberta desde 21/11/2026 08:00:00. Presentes até agora (0):");
    }

    private static String print(BiConsumer<PrintWriter, Lang> printer, Lang lang) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        printer.accept(out, lang);
        out.flush();
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
