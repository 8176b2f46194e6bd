package chamada.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** PROXY protocol headers as a load balancer in front of 127.0.0.1 would send them, for a client at a given address. */
public final class ProxyHeaders {

    private ProxyHeaders() {
    }

    /** A v1 header (text): TCP over IPv4 from {@code client} to the balancer's port 7070. */
    public static byte[] v1(String client) {
        return ("PROXY TCP4 " + client + " 127.0.0.1 50000 7070\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A v2 header: signature, PROXY command, TCP over IPv4, the client's and the balancer's addresses and ports. */
    public static byte[] v2(byte[] client) {
        ByteBuffer header = ByteBuffer.allocate(28);
        header.put(HexFormat.of().parseHex("0d0a0d0a000d0a515549540a"));
        header.put((byte) 0x21).put((byte) 0x11).putShort((short) 12);
        header.put(client).put(new byte[] {127, 0, 0, 1}).putShort((short) 50000).putShort((short) 7070);
        return header.array();
    }
}
