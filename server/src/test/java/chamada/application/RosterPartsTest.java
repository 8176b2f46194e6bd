package chamada.application;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.roster.Roster;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of a roster import a connection keeps: in order, of one class, bounded, and never left over for the next import. */
class RosterPartsTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final RosterEntry ANA = new RosterEntry(new Matricula("1"), new StudentName("Ana"));
    private static final RosterEntry BETO = new RosterEntry(new Matricula("2"), new StudentName("Beto"));

    private final RosterParts parts = new RosterParts();

    @Test
    void add_partsInOrder_gathersEveryStudent() {
        parts.add(CLASS, 1, List.of(ANA));

        assertThat(parts.add(CLASS, 2, List.of(BETO))).containsExactly(ANA, BETO);
    }

    @Test
    void add_partOneAfterAnAbandonedImport_beginsAfresh() {
        parts.add(CLASS, 1, List.of(ANA));
        parts.add(CLASS, 2, List.of(BETO));

        assertThat(parts.add(new ClassId(2020), 1, List.of(BETO))).containsExactly(BETO);
    }

    @Test
    void add_outOfOrder_isRefusedAndDropsWhatWasKept() {
        parts.add(CLASS, 1, List.of(ANA));

        assertThatThrownBy(() -> parts.add(CLASS, 3, List.of(BETO))).isInstanceOfSatisfying(ChamadaException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROSTER_PART_ORDER));
        assertThatThrownBy(() -> parts.add(CLASS, 2, List.of(BETO))).isInstanceOfSatisfying(ChamadaException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROSTER_PART_ORDER));
    }

    @Test
    void add_aPartOfAnotherClass_isRefused() {
        parts.add(CLASS, 1, List.of(ANA));

        assertThatThrownBy(() -> parts.add(new ClassId(2020), 2, List.of(BETO)))
                .isInstanceOfSatisfying(ChamadaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ROSTER_PART_CLASS));
    }

    @Test
    void add_pastTheMostARosterHolds_isRefused() {
        parts.add(CLASS, 1, Collections.nCopies(Roster.MAX_STUDENTS, ANA));

        assertThatThrownBy(() -> parts.add(CLASS, 2, List.of(BETO))).isInstanceOfSatisfying(ChamadaException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROSTER_TOO_LARGE));
    }
}
