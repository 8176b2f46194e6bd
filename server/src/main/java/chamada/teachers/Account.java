package chamada.teachers;

import chamada.rollcall.TeacherName;

import java.util.Optional;

/**
 * A teacher's account as the store keeps it.
 *
 * @param administrator may correct locked roll calls, close any roll call, manage teachers and
 *                      classes, and run the privacy commands
 * @param disabled      may not log in, and a session already open is refused at its next request
 * @param fromFile      imported from the server's {@code --teachers} file, which stays its truth
 */
public record Account(TeacherName name, PasswordHash hash, boolean administrator, boolean disabled, boolean fromFile) {

    public Account {
        if (name.isReserved()) {
            throw new IllegalArgumentException("reserved name " + name + " cannot have an account");
        }
    }

    /** What the account lets its teacher do now: nothing if disabled. */
    public Optional<Role> role() {
        return disabled ? Optional.empty() : Optional.of(administrator ? Role.ADMINISTRATOR : Role.TEACHER);
    }
}
