package chamada.application;

import chamada.protocol.Response;

import java.nio.channels.FileChannel;

/** What a download request came to: its refusal, or its reply and the file to send after it. */
public sealed interface Transfer {

    record Refused(Response.Failure failure) implements Transfer {
    }

    /**
     * The reply, then {@code reply.length()} bytes of {@code channel} from {@code reply.offset()};
     * the front sends them and closes the channel.
     */
    record Ready(Response.Download reply, FileChannel channel) implements Transfer {
    }
}
