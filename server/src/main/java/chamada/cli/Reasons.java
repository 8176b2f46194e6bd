package chamada.cli;

import chamada.i18n.HumanCount;
import chamada.i18n.Lang;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

/**
 * Why an I/O operation failed, in a few words a person understands, chosen by the
 * exception's type (never its text, which is the JDK's and in English).
 */
final class Reasons {

    private Reasons() {
    }

    /** Why a connection to the server failed or broke. */
    static String network(IOException e, Lang lang, long timeoutSeconds) {
        if (e instanceof ConnectException) {
            return Text.REASON_REFUSED.format(lang);
        }
        if (e instanceof SocketTimeoutException) {
            return Text.REASON_TIMEOUT.format(lang, HumanCount.seconds(Duration.ofSeconds(timeoutSeconds)));
        }
        if (e instanceof UnknownHostException) {
            return Text.REASON_UNKNOWN_HOST.format(lang);
        }
        if (e instanceof NoRouteToHostException) {
            return Text.REASON_NO_ROUTE.format(lang);
        }
        return Text.REASON_DROPPED.format(lang);
    }

    /** Why a local file could not be read or written. */
    static String file(IOException e, Lang lang) {
        if (e instanceof NoSuchFileException) {
            return Text.FILE_MISSING.format(lang);
        }
        if (e instanceof AccessDeniedException) {
            return Text.FILE_DENIED.format(lang);
        }
        if (e instanceof CharacterCodingException) {
            return Text.FILE_NOT_UTF8.format(lang);
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            // The operating system's own words (e.g. "No space left on device"): better than nothing.
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
