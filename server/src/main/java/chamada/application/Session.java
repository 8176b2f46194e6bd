package chamada.application;

import chamada.i18n.Lang;
import chamada.rollcall.TeacherName;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * What one client has said about itself, and where it is: its address, its language and, after
 * a login, its teacher. Made
 * by {@link Application}, which alone applies the open-mode caller rule.
 *
 * <p>Used by one connection at a time: its requests are answered one after another, and each
 * waits for the previous one's future, which orders the changes a login makes here.
 */
public final class Session {

    private final boolean openMode;
    private final Optional<TeacherName> server;
    private final InetAddress address;
    private volatile Lang lang;
    private volatile Optional<TeacherName> teacher = Optional.empty();
    /** When the login ends: a resumed token's expiry; empty for a login with a secret, which lasts the connection. */
    private volatile Optional<Instant> loginExpires = Optional.empty();
    private final RosterParts rosterParts = new RosterParts();

    Session(Lang lang, boolean openMode, Optional<TeacherName> server, InetAddress address) {
        this.lang = lang;
        this.openMode = openMode;
        this.server = server;
        this.address = address;
    }

    /** The client's address, as its front saw it: what the network rule and the guess limits look at. */
    InetAddress address() {
        return address;
    }

    public Lang lang() {
        return lang;
    }

    /** Chooses the language of this client's texts ({@code hello}). */
    public void lang(Lang lang) {
        this.lang = lang;
    }

    void login(TeacherName name) {
        loginExpires = Optional.empty();
        teacher = Optional.of(name);
    }

    /** A login by a session token, which ends when the token expires. */
    void login(TeacherName name, Instant expires) {
        loginExpires = Optional.of(expires);
        teacher = Optional.of(name);
    }

    /** Whether the token this session resumed has expired by {@code now}. */
    boolean loginExpired(Instant now) {
        return loginExpires.filter(expires -> !now.isBefore(expires)).isPresent();
    }

    /**
     * A failed login also ends the previous one: whoever typed the wrong secret is not that
     * teacher either, nor may they finish the roster import the teacher began.
     */
    void logout() {
        teacher = Optional.empty();
        loginExpires = Optional.empty();
        rosterParts.clear();
    }

    /** The parts of the roster import this client is sending. */
    RosterParts rosterParts() {
        return rosterParts;
    }

    /** The teacher who logged in on this session, if one did. */
    Optional<TeacherName> teacher() {
        return teacher;
    }

    /** The reserved owner the server acts as on this session (the legacy ports), if any. */
    Optional<TeacherName> server() {
        return server;
    }

    boolean openMode() {
        return openMode;
    }
}
