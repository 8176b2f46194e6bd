package chamada.privacy;

import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.time.OffsetDateTime;

/** An administrator's order to forget {@code matricula}, which becomes {@code pseudonym} everywhere. */
public record Forget(Matricula matricula, Matricula pseudonym, TeacherName administrator, OffsetDateTime at) {

    @Override
    public String toString() {
        return "Forget[pseudonym=" + pseudonym + ", administrator=" + administrator + ", at=" + at + "]";
    }
}
