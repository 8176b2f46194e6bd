package chamada.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a Redis client for the baseline: sends commands in RESP and reads their
 * replies (simple strings, errors, integers, bulk strings, arrays).
 *
 * <p>Why our own: no Redis client library is a dependency, and the baseline needs only
 * {@code SADD}, {@code SCARD}, {@code DEL} and {@code PING}. One request at a time, like
 * {@code ChamadaClient.call}, so both sides of a comparison run the same closed loop. Commands
 * are ASCII (keys and matrículas), written as RESP arrays of bulk strings.
 *
 * <p>Not thread-safe: one connection per thread.
 */
public final class RespConnection implements AutoCloseable {

    /** A Redis error reply, such as {@code -ERR unknown command}. */
    public static final class RedisError extends IOException {
        RedisError(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespConnection(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /** Connects to Redis at {@code host:port}; {@code timeout} bounds the connect and each reply. */
    public static RespConnection connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new RespConnection(socket, new BufferedInputStream(socket.getInputStream(), 1024),
                    new BufferedOutputStream(socket.getOutputStream(), 256));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** {@code SADD key member}: 1 if the member is new, 0 if it was already in the set. */
    public long sadd(String key, String member) throws IOException {
        return integer(call("SADD", key, member));
    }

    /** {@code SCARD key}: how many members the set has. */
    public long scard(String key) throws IOException {
        return integer(call("SCARD", key));
    }

    /** {@code DEL key...}: how many of the keys existed. */
    public long del(List<String> keys) throws IOException {
        List<String> command = new ArrayList<>(keys.size() + 1);
        command.add("DEL");
        command.addAll(keys);
        return integer(call(command.toArray(String[]::new)));
    }

    /**
     * Sends one command and returns its reply: {@link String} for a simple or bulk string,
     * {@link Long} for an integer, {@link List} for an array, {@code null} for a null reply.
     * An error reply is thrown as {@link RedisError}.
     */
    public Object call(String... command) throws IOException {
        write(command);
        out.flush();
        return read();
    }

    void write(String... command) throws IOException {
        out.write('*');
        writeDecimal(command.length);
        for (String arg : command) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            out.write('$');
            writeDecimal(bytes.length);
            out.write(bytes);
            out.write('\r');
            out.write('\n');
        }
    }

    Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("Redis closed the connection");
        }
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new RedisError(line);
            case ':' -> Long.parseLong(line);
            case '$' -> bulk(Integer.parseInt(line));
            case '*' -> array(Integer.parseInt(line));
            default -> throw new IOException("not a RESP reply: type byte " + type + " then " + line);
        };
    }

    private String bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length || in.read() != '\r' || in.read() != '\n') {
            throw new EOFException("Redis reply cut short in a bulk string of " + length + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private List<Object> array(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            items.add(read());
        }
        return items;
    }

    /** The rest of a line up to CRLF, without it. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(16);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Redis reply cut short after " + line);
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("Redis reply line without LF after CR: " + line);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    private void writeDecimal(int value) throws IOException {
        out.write(Integer.toString(value).getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
    }

    private static long integer(Object reply) throws IOException {
        if (reply instanceof Long value) {
            return value;
        }
        throw new IOException("Redis replied " + reply + " where an integer was expected");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
