package chamada.web;

import chamada.application.Application;
import chamada.application.Session;
import chamada.protocol.Request;
import chamada.protocol.Response;

import java.util.concurrent.TimeUnit;

/** A page's request to the application, waited for on the page's virtual thread, as every page waits. */
final class PageRequests {

    /** Longer than any store's own timeouts: a page gets their refusal, not a time-out of its own. */
    private static final long REPLY_SECONDS = 60;

    private PageRequests() {
    }

    static Response ask(Application application, Session session, Request request) throws Exception {
        return application.handle(session, request).get(REPLY_SECONDS, TimeUnit.SECONDS);
    }
}
