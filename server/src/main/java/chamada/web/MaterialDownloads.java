package chamada.web;

import chamada.materials.Material;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A material's bytes over HTTP, by Jetty's {@link ResourceService}: {@code Range} (a download
 * resumed, a video seeked), {@code HEAD}, and the conditional headers, with the material's SHA-256
 * as its strong {@code ETag}, so that {@code If-Range} never mixes two versions of a file and
 * {@code If-None-Match} spares a phone a download it has. A download is an attachment under the
 * material's name (RFC 6266's {@code filename*}, UTF-8). Thread-safe.
 */
final class MaterialDownloads {

    private final ResourceService service = new ResourceService() {
        /**
         * A 304 is the status alone, with the ETag and cache headers already put: Jetty's error
         * page would add {@code no-store}, which makes a browser drop the copy it just revalidated.
         */
        @Override
        protected void writeHttpError(Request request, Response response, Callback callback, int status) {
            if (status == HttpStatus.NOT_MODIFIED_304) {
                response.setStatus(status);
                callback.succeeded();
                return;
            }
            super.writeHttpError(request, response, callback, status);
        }
    };
    private final MimeTypes mimeTypes = new MimeTypes();

    MaterialDownloads() {
        service.setAcceptRanges(true);
        service.setEtags(true);
        service.setDirAllowed(false);
    }

    /** Answers {@code request} with {@code material}'s bytes, kept in {@code file}. */
    void serve(Request request, Response response, Callback callback, Material material, Path file) {
        String type = mimeTypes.getMimeByExtension(material.name().value());
        HttpContent content = new HttpContent.Wrapper(new ResourceHttpContent(ResourceFactory.root().newResource(file),
                type == null ? "application/octet-stream" : type)) {
            @Override
            public HttpField getETag() {
                return new HttpField(HttpHeader.ETAG, etag(material));
            }

            @Override
            public String getETagValue() {
                return etag(material);
            }
        };
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                + URLEncoder.encode(material.name().value(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        service.doGet(sameVersion(request, material), response, callback, content);
    }

    /**
     * {@code request}, or, when its {@code If-Range} names another version than {@code material}'s
     * (or a date, which a hash cannot be compared with), the same request without its range: the
     * part a client holds belongs to another file, so it must get the whole of this one (RFC 9110,
     * 13.1.5). Jetty's resource service does not look at {@code If-Range}.
     */
    private static Request sameVersion(Request request, Material material) {
        String ifRange = request.getHeaders().get(HttpHeader.IF_RANGE);
        if (ifRange == null || ifRange.equals(etag(material))) {
            return request;
        }
        HttpFields withoutRange = HttpFields.build(request.getHeaders()).remove(HttpHeader.RANGE)
                .remove(HttpHeader.IF_RANGE).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return withoutRange;
            }
        };
    }

    /** The strong entity tag of a material: its content's hash, the same on every node. */
    static String etag(Material material) {
        return "\"" + material.sha256() + "\"";
    }
}
