package chamada.application;

import chamada.protocol.Response;

import java.nio.channels.FileChannel;

/** What a backup request came to: its refusal, or its reply and the archive to send after it. */
public sealed interface BackupCopy {

    record Refused(Response.Failure failure) implements BackupCopy {
    }

    /**
     * The reply, then {@code reply.size()} bytes of {@code archive}; the front sends them and closes
     * it, which deletes the archive (it was opened to be deleted on close).
     */
    record Ready(Response.Backup reply, FileChannel archive) implements BackupCopy {
    }
}
