package chamada.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A handler for an action whose page exists before the action does: it answers 501, whose
 * error page says that this part does not work on this server yet.
 */
public final class NotReady implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Response.writeError(request, response, callback, HttpStatus.NOT_IMPLEMENTED_501);
        return true;
    }
}
