package chamada.server.legacy;

import java.net.BindException;
import java.net.InetSocketAddress;

/** A legacy listener could not bind its address: says which port, which option sets it, and why. */
public final class LegacyBindException extends BindException {

    private final transient LegacyPort port;
    private final transient InetSocketAddress address;

    LegacyBindException(LegacyPort port, InetSocketAddress address, BindException cause) {
        super("cannot listen on " + address + " for the legacy " + port.label() + " (" + port.option() + "): "
                + cause.getMessage());
        initCause(cause);
        this.port = port;
        this.address = address;
    }

    public LegacyPort port() {
        return port;
    }

    public InetSocketAddress address() {
        return address;
    }
}
