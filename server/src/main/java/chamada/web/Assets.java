package chamada.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.util.List;

/**
 * The web front's static files (style sheet, script, icons), served from the class path, so
 * that they travel inside the jar and the pages need nothing from the internet.
 *
 * <p>Jetty's {@link ResourceHandler} does the serving: content types, {@code ETag},
 * {@code If-None-Match}, {@code HEAD}, ranges, and the refusal of any path that climbs out of
 * its folder. It is mapped at {@value #PATH}{@code /*}, and Jetty's {@link PathMappingsHandler}
 * hands it the path after that prefix, so {@code /assets/chamada.css} is
 * {@code chamada/web/assets/chamada.css} on the class path and nothing else under
 * {@code chamada/web} (the classes) can be reached.
 */
final class Assets {

    static final String PATH = "/assets";
    static final String CLASS_PATH_FOLDER = "chamada/web/assets/";

    /*
     * The files keep their names from one version to the next, so a browser must ask again
     * before reusing one; the ETag makes that question cheap (304, no body), and an upgraded
     * server's pages never run with the last version's script.
     */
    private static final String CACHE_CONTROL = "no-cache";

    private Assets() {
    }

    /**
     * The handler of the files, found through {@code resources}: a factory tied to the server's
     * life, so that what it opened (the jar, when run from one) is closed when it stops.
     */
    static Handler handler(ResourceFactory resources) {
        ResourceHandler files = new ResourceHandler();
        Resource folder = resources.newClassLoaderResource(CLASS_PATH_FOLDER);
        if (folder == null) {
            throw new IllegalStateException("The web assets are missing from the class path: " + CLASS_PATH_FOLDER);
        }
        files.setBaseResource(folder);
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of());
        files.setEtags(true);
        files.setCacheControl(CACHE_CONTROL);
        return files;
    }
}
