package chamada.protocol.legacy;

import chamada.protocol.Request;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

/** One message of the seed's roll-call protocol, decoded by {@link LegacyRollCallCodec}. */
public sealed interface LegacyRollCallMessage {

    /**
     * {@code <class>,teacher}: the seed's teacher sends the same class number to open and to
     * close, so the message means "close it if it is open, else open it".
     */
    record Toggle(ClassId classId) implements LegacyRollCallMessage {
    }

    /** {@code <matrícula>/<class>,student}: exactly the native check-in. */
    record CheckIn(Matricula matricula, ClassId classId) implements LegacyRollCallMessage {
        public Request.CheckIn request() {
            return new Request.CheckIn(matricula, classId);
        }
    }

    /** Anything else: answered with {@code reply} (Portuguese), and the connection goes on. */
    record Invalid(String reply) implements LegacyRollCallMessage {
    }
}
