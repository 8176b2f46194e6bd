package chamada.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

import java.util.regex.Pattern;

/**
 * Jetty's limit on a request body ({@code --http-max-body-bytes}, a 413 past it), on every request
 * but a class material's upload: a lesson's video is hundreds of megabytes, bounded instead by
 * {@code --max-material-mb} before a byte is read, and streamed to its file, never held.
 */
final class BodyLimit extends Handler.Wrapper {

    /** The JSON API's upload, and the teacher's materials page's. */
    private static final Pattern UPLOAD = Pattern.compile("(" + ApiHandler.PATH + ")?/classes/[^/]+/materials/[^/]+");

    private final Handler unlimited;

    /** Every body to {@code handler} at most {@code maxBodyBytes} long, but an upload's. */
    BodyLimit(long maxBodyBytes, Handler handler) {
        SizeLimitHandler limited = new SizeLimitHandler(maxBodyBytes, -1);
        limited.setHandler(handler);
        setHandler(limited);
        this.unlimited = handler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (isUpload(request)) {
            return unlimited.handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }

    static boolean isUpload(Request request) {
        return request.getMethod().equals("PUT") && UPLOAD.matcher(request.getHttpURI().getPath()).matches();
    }
}
