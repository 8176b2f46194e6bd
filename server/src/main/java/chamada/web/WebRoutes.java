package chamada.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages and actions of the web front, by path and method: filled in before
 * {@link WebServer#start}, which copies it. Not thread-safe; it is built by one thread.
 *
 * <p>A path is exact ({@code /check-in}, or {@code /} for the start page alone) or a prefix
 * ({@code /teacher/*}, which also matches {@code /teacher}). Jetty's {@link PathMappingsHandler}
 * picks the path, the most specific first, and makes a prefix part of the context path: under
 * {@code /teacher/*}, {@code Request.getPathInContext} of {@code /teacher/classes} is
 * {@code /classes} (and of {@code /teacher} is empty); a path that has handlers, but none for the
 * request's method, answers 405 with {@code Allow}; a path with none is left to Jetty, which
 * answers 404. {@code GET} handlers also answer {@code HEAD}, whose body Jetty does not send.
 * {@value Assets#PATH} is the web front's own (its style sheet, script and icons).
 *
 * <pre>{@code
 * Pages pages = new Pages(config.lang());
 * WebRoutes routes = new WebRoutes()
 *         .get("/", new CheckInPage(pages))
 *         .post("/check-in", checkIn);
 * }</pre>
 */
public final class WebRoutes {

    private final Map<String, Map<String, Request.Handler>> routes = new LinkedHashMap<>();

    /** Answers {@code GET} (and {@code HEAD}) on {@code path} with {@code handler}. */
    public WebRoutes get(String path, Request.Handler handler) {
        return add(HttpMethod.GET, path, handler);
    }

    /** Answers {@code POST} on {@code path} with {@code handler}. */
    public WebRoutes post(String path, Request.Handler handler) {
        return add(HttpMethod.POST, path, handler);
    }

    /** Answers {@code PUT} on {@code path} with {@code handler}. */
    public WebRoutes put(String path, Request.Handler handler) {
        return add(HttpMethod.PUT, path, handler);
    }

    /** Answers {@code DELETE} on {@code path} with {@code handler}. */
    public WebRoutes delete(String path, Request.Handler handler) {
        return add(HttpMethod.DELETE, path, handler);
    }

    private WebRoutes add(HttpMethod method, String path, Request.Handler handler) {
        check(path);
        Map<String, Request.Handler> methods = routes.computeIfAbsent(path, key -> new LinkedHashMap<>());
        if (methods.putIfAbsent(method.asString(), handler) != null) {
            throw new IllegalArgumentException(method + " " + path + " already has a handler");
        }
        return this;
    }

    private static void check(String path) {
        String exact = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
        if (!path.startsWith("/") || exact.contains("*")) {
            throw new IllegalArgumentException("A web path is /exact or /prefix/*, got " + path);
        }
        if (exact.equals(Assets.PATH) || exact.startsWith(Assets.PATH + "/")) {
            throw new IllegalArgumentException(Assets.PATH + " is the web front's own, got " + path);
        }
    }

    /** The handler of these routes and of {@code assets} at {@value Assets#PATH}. */
    Handler handler(Handler assets) {
        PathMappingsHandler mappings = new PathMappingsHandler();
        mappings.addMapping(new ServletPathSpec(Assets.PATH + "/*"), assets);
        routes.forEach((path, methods) ->
                // In Jetty's servlet-style specs "" is the root alone; "/" would match every path.
                mappings.addMapping(new ServletPathSpec(path.equals("/") ? "" : path), new MethodSwitch(methods)));
        return mappings;
    }

    /** One path's handlers by method. */
    private static final class MethodSwitch extends Handler.Abstract {

        private final Map<String, Request.Handler> methods;
        private final String allow;

        MethodSwitch(Map<String, Request.Handler> methods) {
            this.methods = new LinkedHashMap<>(methods);
            if (this.methods.containsKey(HttpMethod.GET.asString())) {
                this.methods.put(HttpMethod.HEAD.asString(), this.methods.get(HttpMethod.GET.asString()));
            }
            this.allow = String.join(", ", this.methods.keySet());
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Request.Handler handler = methods.get(request.getMethod());
            if (handler == null) {
                response.getHeaders().put(HttpHeader.ALLOW, allow);
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
                return true;
            }
            return handler.handle(request, response, callback);
        }
    }
}
