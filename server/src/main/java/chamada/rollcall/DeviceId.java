package chamada.rollcall;

import chamada.error.Expected;
import chamada.error.Fields;

/**
 * The phone or browser a check-in came from, as the web front's device cookie names it: 16 to
 * 64 URL-safe characters. Check-ins from the CLI and the legacy ports have none.
 */
public record DeviceId(String value) {

    /** The field that carries a device id, named when one is refused. */
    public static final String FIELD = "device";

    public DeviceId {
        if (value.length() < 16 || value.length() > 64 || !value.chars().allMatch(DeviceId::urlSafe)) {
            throw Fields.invalid(FIELD, value, Expected.DEVICE);
        }
    }

    private static boolean urlSafe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    @Override
    public String toString() {
        return value;
    }
}
