package dev.hindsight.site;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A built site as the browser tests open it: served by {@link StaticFiles} on 127.0.0.1 and read from
 * its directory, with one {@link HeadlessChromium} to open its pages; closing stops both.
 */
final class SiteInBrowser implements AutoCloseable {
    private final Path root;
    private final HttpServer server;
    private final HeadlessChromium chromium;

    /** Serves {@code root} and starts the browser with its profile in {@code profile}. */
    SiteInBrowser(Path root, Path profile) throws IOException {
        this.root = root;
        this.server = StaticFiles.serve(root);
        try {
            this.chromium = new HeadlessChromium(profile);
        } catch (IOException | RuntimeException | Error e) {
            server.stop(0);
            throw e;
        }
    }

    HeadlessChromium chromium() {
        return chromium;
    }

    /** The site's root over HTTP, ending in '/'. */
    String httpRoot() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The site's root as a file: URL, ending in '/'. */
    String fileRoot() {
        return root.toUri().toString();
    }

    @Override
    public void close() {
        try (chromium) {
            server.stop(0);
        }
    }
}
