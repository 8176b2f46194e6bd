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
    private final List<RosterEntry> students = new ArrayList<>();

    /**
     * Adds {@code part} to what {@code classId}'s import holds and returns all of it; the parts
     * are dropped, and the request refused, if they were for another class or grow too many.
     */
    List<RosterEntry> add(ClassId classId, List<RosterEntry> part) {
        if (this.classId != null && !this.classId.equals(classId)) {
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
        students.addAll(part);
        return List.copyOf(students);
    }

    void clear() {
        classId = null;
        students.clear();
    }
}
