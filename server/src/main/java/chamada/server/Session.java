package chamada.server;

import chamada.i18n.Lang;
import chamada.rollcall.Caller;
import chamada.rollcall.TeacherName;

import java.util.Optional;

/**
 * What one connection has said about itself: its language and, after a login, its teacher.
 * Used by that connection's thread only.
 */
final class Session {

    private final boolean openMode;
    private Lang lang;
    private Optional<TeacherName> teacher = Optional.empty();

    Session(Lang lang, boolean openMode) {
        this.lang = lang;
        this.openMode = openMode;
    }

    Lang lang() {
        return lang;
    }

    void lang(Lang lang) {
        this.lang = lang;
    }

    void login(TeacherName name) {
        teacher = Optional.of(name);
    }

    /** A failed login also ends the previous one: whoever typed the wrong secret is not that teacher either. */
    void logout() {
        teacher = Optional.empty();
    }

    /**
     * Who the rules see: the logged-in teacher; in open mode, without a login, the shared
     * {@link TeacherName#OPEN_MODE} teacher; otherwise somebody who may only check in.
     */
    Caller caller() {
        if (teacher.isPresent()) {
            return new Caller.Teacher(teacher.get());
        }
        return openMode ? new Caller.Teacher(TeacherName.OPEN_MODE) : new Caller.Anonymous();
    }
}
