package chamada.rollcall;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A block of addresses in CIDR notation, such as {@code 10.20.0.0/16} or {@code 2001:db8::/48};
 * a single address without a prefix length is a block of one.
 */
public record Network(InetAddress base, int prefixLength) {

    /** Four decimal numbers of 0 to 255, as people write IPv4 addresses. */
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    public Network {
        int bits = base.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("a prefix length is from 0 to " + bits + ", not " + prefixLength);
        }
    }

    /**
     * The network {@code cidr} names, such as {@code 192.168.1.0/24}. Only literal addresses:
     * a host name is refused, so parsing never waits for DNS.
     */
    public static Network parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        // Only the two literal forms: InetAddress reads "10/8" as 0.0.0.10 and a word as a host name.
        if (!IPV4.matcher(address).matches()
                && !(address.contains(":") && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.'))) {
            throw new IllegalArgumentException("\"" + cidr + "\" is not a network such as 10.0.0.0/8 or 2001:db8::/32");
        }
        InetAddress base;
        try {
            base = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + cidr + "\" is not a network such as 10.0.0.0/8 or 2001:db8::/32", e);
        }
        int bits = base.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + cidr + "\" has no prefix length after its /", e);
        }
        return new Network(base, prefix);
    }

    /** Whether {@code address} is in this block; an IPv4 address is never in an IPv6 block, nor the reverse. */
    public boolean contains(InetAddress address) {
        byte[] mine = base.getAddress();
        byte[] theirs = address.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int whole = prefixLength / 8;
        if (!Arrays.equals(mine, 0, whole, theirs, 0, whole)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (mine[whole] & mask) == (theirs[whole] & mask);
    }

    @Override
    public String toString() {
        return base.getHostAddress() + "/" + prefixLength;
    }
}
