package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

import java.util.concurrent.CompletableFuture;

/**
 * One change waiting for the journal writer, with the future that reports when it is durable.
 * Times are epoch milliseconds, as stored.
 */
sealed interface Write {

    /** Completed by the journal writer once the change is fsynced in the journal, or exceptionally if it was not made. */
    CompletableFuture<Void> done();

    /** A roll call opened. */
    record Open(long id, ClassId classId, TeacherName teacher, long openedAt, CompletableFuture<Void> done)
            implements Write {
        @Override
        public String toString() {
            return "open of roll call " + id + " (class " + classId + ", teacher " + teacher + ")";
        }
    }

    /** A student present in an open roll call. */
    record CheckIn(long rollCallId, Matricula matricula, long at, CompletableFuture<Void> done) implements Write {
        @Override
        public String toString() {
            return "check-in of " + matricula + " into roll call " + rollCallId;
        }
    }

    /** A roll call closed. */
    record Close(long rollCallId, long closedAt, CompletableFuture<Void> done) implements Write {
        @Override
        public String toString() {
            return "close of roll call " + rollCallId;
        }
    }
}
