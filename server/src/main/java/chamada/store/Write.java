package chamada.store;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;

/**
 * One change the journal writer decided and journaled: what a journal record holds and what
 * the applier copies into SQLite. Times are epoch milliseconds, as stored.
 */
sealed interface Write {

    /** A roll call opened. */
    record Open(long id, ClassId classId, TeacherName teacher, long openedAt) implements Write {
        @Override
        public String toString() {
            return "open of roll call " + id + " (class " + classId + ", teacher " + teacher + ")";
        }
    }

    /** A student present in an open roll call. */
    record CheckIn(long rollCallId, Matricula matricula, long at) implements Write {
        @Override
        public String toString() {
            return "check-in of " + matricula + " into roll call " + rollCallId;
        }
    }

    /** A roll call closed. */
    record Close(long rollCallId, long closedAt) implements Write {
        @Override
        public String toString() {
            return "close of roll call " + rollCallId;
        }
    }
}
