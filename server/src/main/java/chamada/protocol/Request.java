package chamada.protocol;

import chamada.i18n.Lang;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.util.Optional;

/**
 * Every request a client can make, whatever protocol carried it. Codecs decode into
 * these records and the server's dispatcher maps each to one service call.
 */
public sealed interface Request {

    /** Asks the protocol and server versions; may choose the language of this connection's texts. */
    record Hello(Optional<Lang> lang) implements Request {
    }

    /** Authenticates this connection as a teacher. */
    record Login(String name, String secret) implements Request {
        @Override
        public String toString() {
            return "Login[name=" + name + ", secret=***]";
        }
    }

    record Open(ClassId classId) implements Request {
    }

    record Close(ClassId classId) implements Request {
    }

    record Status(ClassId classId) implements Request {
    }

    record CheckIn(Matricula matricula, ClassId classId) implements Request {
    }

    record History(ClassId classId) implements Request {
    }

    record Export(ClassId classId) implements Request {
    }

    record Help() implements Request {
    }

    record Quit() implements Request {
    }
}
