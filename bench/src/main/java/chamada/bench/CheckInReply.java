package chamada.bench;

import chamada.protocol.Response;

/**
 * What a lane heard back for one check-in: acknowledged (new, or already there), refused by the
 * server (the check-in was not made, the connection goes on), or failed (no reply came, or one
 * that cannot be read: the connection is unusable and the check-in in doubt).
 */
public sealed interface CheckInReply {

    CheckInReply NEW = new CheckedIn(true);
    CheckInReply ALREADY_THERE = new CheckedIn(false);

    /** The server acknowledged the check-in: {@code fresh} if newly registered, not if already there. */
    record CheckedIn(boolean fresh) implements CheckInReply {
    }

    /** The server answered, but refused: {@code why} is its code and message. */
    record Refused(String why) implements CheckInReply {
    }

    /** No usable reply came: {@code why} says what happened instead. */
    record Failed(String why) implements CheckInReply {
    }

    /** What a native reply object (over the line protocol or the JSON API) says about a check-in. */
    static CheckInReply of(Response reply) {
        return switch (reply) {
            case Response.CheckedIn checkedIn -> checkedIn.alreadyRegistered() ? ALREADY_THERE : NEW;
            case Response.Refusal refusal -> new Refused(refusal.code().wireName() + ": " + refusal.message());
            case Response.Success other -> new Failed("unexpected reply to a check-in: " + other);
        };
    }
}
