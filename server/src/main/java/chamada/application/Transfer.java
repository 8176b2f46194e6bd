package chamada.application;

import chamada.protocol.Response;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** What a download request came to: its refusal, or its reply and the file to send after it. */
public sealed interface Transfer {

    record Refused(Response.Failure failure) implements Transfer {
    }

    /**
     * The reply, then {@code reply.length()} bytes of {@code channel} from {@code reply.offset()};
     * the front sends them and closes the channel. A front that sends a file by its path (the web's)
     * has it in {@code file}.
     */
    record Ready(Response.Download reply, FileChannel channel, Path file) implements Transfer {
    }
}
