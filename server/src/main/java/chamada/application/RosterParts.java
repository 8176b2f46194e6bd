package chamada.application;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.ClassId;
import chamada.roster.Roster;
import chamada.roster.RosterEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a roster import a connection has sent so far, kept until its last part: a
 * roster of thousands does not fit in one request line. Bounded by {@link Roster#MAX_STUDENTS}.
 * Used by one connection at a time, as its {@link Session} is.
 */
final class RosterParts {

    private ClassId classId;
    /** How many parts were added since the import began; none when no import is under way. */
    private int parts;
    private final List<RosterEntry> students = new ArrayList<>();

    /**
     * Adds part {@code number} of {@code classId}'s import and returns every student sent so
     * far: part 1 begins afresh. The parts are dropped, and the request refused, if one comes out
     * of order, is for another class, or they grow too many.
     */
    List<RosterEntry> add(ClassId classId, int number, List<RosterEntry> part) {
        if (number == 1) {
            clear();
        } else if (number != parts + 1) {
            int expected = parts + 1;
            clear();
            throw new ChamadaException(ErrorCode.ROSTER_PART_ORDER, number, expected);
        } else if (!this.classId.equals(classId)) {
            ClassId earlier = this.classId;
            clear();
            throw new ChamadaException(ErrorCode.ROSTER_PART_CLASS, earlier, classId);
        }
        if (students.size() + part.size() > Roster.MAX_STUDENTS) {
            int total = students.size() + part.size();
            clear();
            throw new ChamadaException(ErrorCode.ROSTER_TOO_LARGE, Roster.MAX_STUDENTS, total);
        }
        this.classId = classId;
        parts++;
        students.addAll(part);
        return List.copyOf(students);
    }

    void clear() {
        classId = null;
        parts = 0;
        students.clear();
    }
}
