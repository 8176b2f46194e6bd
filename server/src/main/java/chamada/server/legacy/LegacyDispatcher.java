package chamada.server.legacy;

import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.TeacherName;

/**
 * The server's one dispatcher as the legacy ports use it: each request goes to the same
 * rules as a native one, on behalf of {@link #TEACHER}, with texts in Portuguese.
 *
 * <p>The seeds' teachers do not log in, so every legacy teacher is the same reserved owner.
 * Reserved names cannot be logged into, so no native client can act as it. The rules decide
 * the rest: a logged-in teacher's roll call cannot be closed from a legacy port, and a roll
 * call owned by a reserved owner (this one, or open mode's) may be closed by any teacher.
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
