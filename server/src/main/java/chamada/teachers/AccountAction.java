package chamada.teachers;

import java.util.Arrays;
import java.util.Optional;

/** What an administrator does to a teacher's account, by its word on the wire and the command line. */
public enum AccountAction {
    ADD("add"),
    REMOVE("remove"),
    DISABLE("disable"),
    ENABLE("enable"),
    PASSWD("passwd");

    private final String wire;

    AccountAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Whether the action sets a secret, which the request must then carry. */
    public boolean setsSecret() {
        return this == ADD || this == PASSWD;
    }

    public static Optional<AccountAction> fromWire(String word) {
        return Arrays.stream(values()).filter(action -> action.wire.equals(word)).findFirst();
    }
}
