package chamada.server.legacy;

import chamada.protocol.legacy.FileDownloadCodec;
import chamada.protocol.legacy.LegacyText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The file download of {@code seeds/004} on its port: the menu on connect, one index in, the
 * file as the Python literal of {@code [name, lines]} out, then the connection closes.
 *
 * <p>The menu is listed per connection (the seed listed once, at start), so files added while
 * the server runs are offered. As in the seed, what one read returns is the index; the only
 * wait added is {@link RollCallFramer#COMPLETION_GRACE} when the digits so far could be the
 * start of a longer valid index (a {@code 1} from a menu of twelve), for an index split over
 * two segments.
 */
final class FileProtocol implements LegacyProtocol {

    private static final Logger log = LoggerFactory.getLogger(FileProtocol.class);

    private final LegacyFiles folder;
    private final Duration idleTimeout;

    FileProtocol(LegacyFiles folder, Duration idleTimeout) {
        this.folder = folder;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public Ending serve(Socket socket, InetAddress client, OutputStream out) throws IOException {
        List<String> names = folder.names();
        send(out, FileDownloadCodec.menu(names));
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[FileDownloadCodec.MAX_CHOICE_BYTES];
        int length = in.read(buffer);
        if (length < 0) {
            return Ending.INPUT_ENDED;
        }
        length += readRest(socket, buffer, length, names.size());
        String text = new String(Arrays.copyOf(buffer, length), StandardCharsets.UTF_8);
        switch (FileDownloadCodec.choice(text, names.size())) {
            case FileDownloadCodec.Choice.Refused refused -> send(out, refused.reply());
            case FileDownloadCodec.Choice.Chosen chosen -> send(out, file(names.get(chosen.index()), client));
        }
        return Ending.FINISHED;
    }

    /** Bytes of an index split over segments, if the digits so far could go on; 0 when nothing more came. */
    private int readRest(Socket socket, byte[] buffer, int length, int count) throws IOException {
        int added = 0;
        socket.setSoTimeout((int) RollCallFramer.COMPLETION_GRACE.toMillis());
        try {
            while (length + added < buffer.length
                    && FileDownloadCodec.couldContinue(new String(buffer, 0, length + added, StandardCharsets.US_ASCII), count)) {
                int read = socket.getInputStream().read(buffer, length + added, buffer.length - length - added);
                if (read < 0) {
                    break;
                }
                added += read;
            }
        } catch (SocketTimeoutException e) {
            // Nothing more: the digits so far are the index.
        } finally {
            socket.setSoTimeout((int) idleTimeout.toMillis());
        }
        return added;
    }

    private String file(String name, InetAddress client) {
        return switch (folder.read(name)) {
            case LegacyFiles.Content.Text text -> {
                log.info("Legacy file download: {} to {}", name, client);
                yield FileDownloadCodec.reply(name, text.text());
            }
            case LegacyFiles.Content.TooBig tooBig -> LegacyText.FILE_TOO_BIG.format(name, LegacyFiles.MAX_FILE_BYTES);
            case LegacyFiles.Content.NotText notText -> LegacyText.FILE_NOT_TEXT.format(name);
            case LegacyFiles.Content.Gone gone -> LegacyText.FILE_GONE.format(name);
        };
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
