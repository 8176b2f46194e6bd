package chamada.server.legacy;

import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.TeacherName;

/**
 * The server's one dispatcher as the legacy ports use it: each request goes to the same
 * rules as a native one, on behalf of {@link #TEACHER}, with texts in Portuguese.
 *
 * <p>The seeds' teachers do not log in, so every legacy teacher is the same reserved owner.
 * Reserved names cannot be logged into, so no native client can act as it; and the rules let
 * only the owner close a roll call, so a class opened on a legacy port is closed on a legacy
 * port, and a native teacher's class cannot be closed from one.
 *
 * <p>Called from the legacy connections' virtual threads; implementations are thread-safe.
 */
@FunctionalInterface
public interface LegacyDispatcher {

    /** Who opens and closes roll calls on the legacy ports. */
    TeacherName TEACHER = new TeacherName("(legacy)");

    /** The reply of the rules; a refusal is a {@link Response.Failure} with a Portuguese message, never an exception. */
    Response handle(Request request);
}
