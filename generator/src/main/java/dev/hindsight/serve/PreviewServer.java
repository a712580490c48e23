package dev.hindsight.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.ReportCache;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code hindsight serve}: builds the site, serves it on 127.0.0.1 at the same paths as the built site, and
 * rebuilds it in this JVM whenever a report or template changes (parsing, indexing and rendering again only what
 * the changed reports touch, see {@link IncrementalBuild}), then tells open pages to reload. While the
 * last build has errors, pages show those errors instead (see {@link DiagnosticsPage}). Only GET and HEAD;
 * no directory listing; nothing outside the output directory (see {@link SitePath}).
 */
public final class PreviewServer implements Closeable {
    static final String LIVE_SCRIPT = "/__hindsight/live.js";
    static final String OVERLAY_CSS = "/__hindsight/overlay.css";
    static final String EVENTS = "/__hindsight/events";
    static final String SEARCH = "/api/search";
    /** Added to every HTML page served: the reload script, and where the search page finds the API. */
    private static final String HEAD_SNIPPET = "<meta name=\"hindsight-search-api\" content=\"" + SEARCH + "\">\n"
            + "<script src=\"" + LIVE_SCRIPT + "\" defer></script>\n";
    private static final int MAX_THREADS = LiveReload.MAX_LISTENERS + 16;

    private final ServeSettings settings;
    private final PreviewListener listener;
    private final LiveReload live = new LiveReload();
    private final ExecutorService requests;
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    /** Remembers each build, so the next one redoes only what a save changed. */
    private final IncrementalBuild builds = new IncrementalBuild();
    private final Thread builder;
    private HttpServer server;
    private SourceWatcher watcher;
    private volatile BuildState state;

    /** The last build: its number, and its errors (empty when it succeeded). */
    private record BuildState(int number, BuildResult result, List<Diagnostic> errors) {
    }

    private PreviewServer(ServeSettings settings, PreviewListener listener) {
        this.settings = settings;
        this.listener = listener;
        // A bounded pool: each open page holds a thread for its event stream; beyond the cap requests wait
        // briefly in the server's accept queue instead of creating threads without end.
        this.requests = new ThreadPoolExecutor(4, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "hindsight-http");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.builder = new Thread(this::buildLoop, "hindsight-rebuild");
        builder.setDaemon(true);
    }

    /**
     * Builds the site once, then serves it and watches for changes until {@link #close()}.
     *
     * @param listener hears every build, the first included
     */
    public static PreviewServer start(ServeSettings settings, PreviewListener listener) throws IOException {
        PreviewServer preview = new PreviewServer(settings, listener);
        preview.build();
        preview.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        preview.server.createContext("/", preview::handle);
        preview.server.setExecutor(preview.requests);
        preview.server.start();
        preview.builder.start();
        preview.watcher = new SourceWatcher(settings.watched(), preview::requestRebuild);
        preview.watcher.start();
        return preview;
    }

    /** Where the site is served, e.g. {@code http://127.0.0.1:8000/}. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** How many builds have finished, the first included. */
    public int builds() {
        return state.number();
    }

    /** How many reports the last build parsed, and how many it reused unchanged. */
    ReportCache.Counts lastLoad() {
        return builds.lastLoad();
    }

    /** Asks for a rebuild; changes that arrive while one runs are folded into the next. */
    void requestRebuild() {
        synchronized (rebuildPending) {
            rebuildPending.set(true);
            rebuildPending.notifyAll();
        }
    }

    private void buildLoop() {
        try {
            while (true) {
                synchronized (rebuildPending) {
                    while (!rebuildPending.get()) {
                        rebuildPending.wait();
                    }
                    rebuildPending.set(false);
                }
                build();
            }
        } catch (InterruptedException e) {
            // Stopping.
        }
    }

    private void build() {
        long start = System.nanoTime();
        BuildResult result;
        try {
            result = builds.run(settings.build(), BuildListener.SILENT);
        } catch (RuntimeException e) {
            // A bug in Hindsight must not end the preview: say so and keep serving the last site.
            listener.failed(e);
            return;
        }
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        int number = state == null ? 1 : state.number() + 1;
        state = new BuildState(number, result, errors);
        listener.built(number, result, (System.nanoTime() - start) / 1_000_000);
        live.reload(number);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (uri.toString().length() > SitePath.MAX_PATH_LENGTH + SearchApi.MAX_QUERY_LENGTH * 3) {
                send(exchange, 414, "text/plain; charset=utf-8", "URI too long\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (path) {
                case EVENTS -> live.listen(exchange);
                case LIVE_SCRIPT -> send(exchange, 200, "text/javascript; charset=utf-8", resource("live.js"));
                case OVERLAY_CSS -> send(exchange, 200, "text/css; charset=utf-8", resource("overlay.css"));
                case SEARCH -> {
                    SearchApi.Answer answer = SearchApi.answer(settings.build().output(), uri.getRawQuery());
                    send(exchange, answer.status(), "application/json", answer.json());
                }
                default -> serveFile(exchange, uri);
            }
        }
    }

    private void serveFile(HttpExchange exchange, URI uri) throws IOException {
        Path site = settings.build().output();
        SitePath.Target target;
        try {
            target = SitePath.resolve(site, uri);
        } catch (SitePath.Refused refused) {
            if (refused.status == 404 && Files.isRegularFile(site.resolve("404.html"))) {
                send(exchange, 404, "text/html; charset=utf-8", page(Files.readAllBytes(site.resolve("404.html"))));
            } else {
                send(exchange, refused.status, "text/plain; charset=utf-8",
                        (refused.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        if (target.redirect() != null) {
            exchange.getResponseHeaders().set("Location", target.redirect());
            send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        String type = SitePath.contentType(target.file());
        if (type.startsWith("text/html")) {
            BuildState current = state;
            byte[] body = current.errors().isEmpty() ? page(Files.readAllBytes(target.file()))
                    : DiagnosticsPage.html(current.errors(), current.number());
            send(exchange, 200, type, body);
        } else {
            send(exchange, 200, type, Files.readAllBytes(target.file()));
        }
    }

    /** An HTML page with the preview's head snippet added. */
    private static byte[] page(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        int head = text.indexOf("</head>");
        String served = head < 0 ? text + HEAD_SNIPPET : text.substring(0, head) + HEAD_SNIPPET + text.substring(head);
        return served.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static final Set<String> RESOURCES = Set.of("live.js", "overlay.css");

    private static byte[] resource(String name) {
        if (!RESOURCES.contains(name)) {
            throw new IllegalArgumentException(name);
        }
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops watching, ends the pages' event streams and stops the server. */
    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        builder.interrupt();
        live.close();
        if (server != null) {
            server.stop(0);
        }
        requests.shutdownNow();
    }
}
