package chamada.protocol;

import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every reply the native protocol sends. One record per wire shape; {@link #ok()} is the
 * {@code "ok"} field every reply carries.
 */
public sealed interface Response {

    boolean ok();

    record Hello(int protocol, String server, String lang, boolean openMode) implements Response {
        @Override
        public boolean ok() {
            return true;
        }
    }

    record LoggedIn(String teacher) implements Response {
        @Override
        public boolean ok() {
            return true;
        }
    }

    record Opened(int classId, OffsetDateTime openedAt) implements Response {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** The reply to {@code status} (still open, {@code closedAt} empty) and to {@code close}. */
    record RollCallReply(RollCall rollCall) implements Response {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** A check-in that registered the student now, or found them already registered at {@code at}. */
    record CheckedIn(int classId, OffsetDateTime at, boolean alreadyRegistered) implements Response {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** A check-in refused because the class has no open roll call: class 0, as in the seed. */
    record CheckInRefused(OffsetDateTime at, String code, String message) implements Response {
        @Override
        public boolean ok() {
            return false;
        }
    }

    record History(int classId, List<PastRollCall> rollCalls) implements Response {
        public History {
            rollCalls = List.copyOf(rollCalls);
        }

        @Override
        public boolean ok() {
            return true;
        }
    }

    record Export(int classId, List<RollCall> rollCalls) implements Response {
        public Export {
            rollCalls = List.copyOf(rollCalls);
        }

        @Override
        public boolean ok() {
            return true;
        }
    }

    record Help(List<String> commands) implements Response {
        public Help {
            commands = List.copyOf(commands);
        }

        @Override
        public boolean ok() {
            return true;
        }
    }

    record Goodbye(String message) implements Response {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** A refusal or error: a stable {@code code} and a {@code message} for people. */
    record Failure(String code, String message) implements Response {
        @Override
        public boolean ok() {
            return false;
        }
    }
}
