package chamada.web;

import chamada.i18n.Lang;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The web pages' templates, and how a handler answers with one: in the visitor's language,
 * escaped by the template engine, as a complete UTF-8 body.
 *
 * <p>The templates ({@code src/main/jte}) are turned into Java classes at build time by
 * {@code jte-maven-plugin} (goal {@code generate}, content type Html, so every {@code ${...}}
 * is escaped for where it stands: text, attribute, URL). At run time they are only loaded
 * from the class path, never compiled: the shaded jar carries them like any other class.
 * Thread-safe: handlers on any thread share one instance.
 */
public final class Pages {

    /** Where {@code jte-maven-plugin} puts the generated classes (its {@code packageName}). */
    static final String TEMPLATE_PACKAGE = "chamada.web.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATE_PACKAGE);
    private final Languages languages;

    public Pages(Languages languages) {
        this.languages = languages;
    }

    /** Pages in {@code fallback} for browsers that ask for neither English nor Portuguese. */
    public Pages(Lang fallback) {
        this(new Languages(fallback));
    }

    public Languages languages() {
        return languages;
    }

    /**
     * Answers {@code request} with {@code template} (e.g. {@code "check-in.jte"}), given
     * {@code params} and, as {@code page}, the {@link Page} in the language chosen for it
     * (a {@code ?lang=} is remembered in a cookie). Completes {@code callback} when sent.
     */
    public void send(Request request, Response response, Callback callback, int status, String template,
                     Map<String, Object> params) {
        Lang lang = languages.choose(request, response);
        send(response, callback, status, lang, template, params);
    }

    /** As {@link #send(Request, Response, Callback, int, String, Map)}, in a language already chosen. */
    void send(Response response, Callback callback, int status, Lang lang, String template,
              Map<String, Object> params) {
        byte[] body = render(template, new Page(lang), params);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, lang.tag());
        // Pages carry per-visitor content (and later form tokens): never kept by a cache.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The UTF-8 bytes of {@code template} rendered with {@code page} and {@code params}. */
    byte[] render(String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, all, output);
        return output.toByteArray();
    }
}
