package chamada.roster;

import chamada.rollcall.Matricula;

/** One student on a class's roster: the matrícula they check in with, and their name. */
public record RosterEntry(Matricula matricula, StudentName name) {
}
