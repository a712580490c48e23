package dev.hindsight.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.site.SiteSettings;
import org.apache.lucene.search.ScoreDoc;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The cold-query download benchmark: how many bytes a reader's browser fetches to answer one search on the
 * static site, with an empty cache. For each of 20 queries (10 two-word English, 10 Chinese words) it starts
 * a fresh headless Chromium with a fresh profile on {@code search/index.html?q=...}, served from a local
 * HTTP server, waits for the results, and sums the Resource Timing API's {@code transferSize} (headers and
 * body as sent) of the page and of everything it loaded. It reports, per query and as the median per
 * language:
 * <ul>
 *   <li><b>everything</b>: the HTML page, CSS, scripts, and search data;</li>
 *   <li><b>engine + data (first 5)</b>: the search engine script, {@code search/meta.js}, the term shards
 *       of the query's words, and the document chunks holding the first 5 results (found with Lucene, which
 *       ranks as the browser engine does);</li>
 *   <li><b>engine + data (page)</b>: the same with every chunk the page loaded for its first page of 10
 *       results.</li>
 * </ul>
 * Each query runs twice: with the files sent as they are ({@code identity}), and gzip-compressed when the
 * browser accepts it, as static hosts (GitHub Pages, Netlify, nginx with gzip on) send text files.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}); it never downloads a browser or a driver.
 *
 * <pre>java -cp benchmark/target/hindsight-benchmark.jar dev.hindsight.bench.SearchDownloadBenchmark [--count 10000]</pre>
 *
 * The site is built into {@code target/site-N} from {@code target/corpus-N} (generated with seed 42 when
 * missing), or reused when it is already there.
 */
public final class SearchDownloadBenchmark {
    static final List<String> ENGLISH = List.of("connection pool", "disk full", "config change", "retry storm",
            "load balancer", "circuit breaker", "schema migration", "certificate expired", "thread pool",
            "message queue");
    static final List<String> CHINESE = List.of("连接池", "证书过期", "磁盘", "限流器", "重试风暴", "缓存集群", "数据库",
            "内存溢出", "回滚", "配置变更");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int FIRST_RESULTS = 5;
    private static final Pattern ENGINE = Pattern.compile("/assets/search\\.[0-9a-f]+\\.js");
    private static final Pattern DOCS_PER_CHUNK = Pattern.compile("\"docsPerChunk\":(\\d+)");
    private static final Pattern DOC_CHUNKS = Pattern.compile("\"docChunks\":(\\d+)");
    /** The page's own entry and every resource it loaded: [url, transferSize, encodedBodySize]. */
    private static final String ENTRIES = "return [performance.getEntriesByType('navigation')[0]]"
            + ".concat(performance.getEntriesByType('resource'))"
            + ".map(function (e) { return [e.name, e.transferSize, e.encodedBodySize]; });";
    private static final String RESULTS_SHOWN = "var root = document.getElementById('hs-search');"
            + "if (root && root.classList.contains('search-failed')) { return 'failed'; }"
            + "return root && root.classList.contains('search-ready')"
            + " && !root.querySelector('.search-results').hasAttribute('aria-busy')"
            + " && root.querySelectorAll('.search-result-title a').length > 0 ? 'shown' : null;";

    private SearchDownloadBenchmark() {
    }

    /** One file the browser fetched, with the bytes it took on the wire and the body's encoded size. */
    record Fetch(String path, long transferred, long body) {
    }

    /** What one cold query fetched, and which of it counts as search engine and data. */
    record Download(String query, String encoding, List<Fetch> fetches, Set<String> firstResultChunks,
                    long serverBodyBytes) {
        long everything() {
            return sum(fetches.stream(), Fetch::transferred);
        }

        long engineAndDataForFirstResults() {
            return sum(fetches.stream().filter(f -> isEngineOrIndex(f.path()) || firstResultChunks.contains(f.path())),
                    Fetch::transferred);
        }

        long engineAndDataForPage() {
            return sum(fetches.stream().filter(f -> isEngineOrIndex(f.path()) || isDocChunk(f.path())),
                    Fetch::transferred);
        }

        long bodies() {
            return sum(fetches.stream(), Fetch::body);
        }

        long count(String prefix) {
            return fetches.stream().filter(f -> f.path().startsWith(prefix)).count();
        }

        private static boolean isEngineOrIndex(String path) {
            return ENGINE.matcher(path).matches() || path.equals("/search/meta.js")
                    || path.startsWith("/search/terms/") || path.startsWith("/search/facets/");
        }

        private static boolean isDocChunk(String path) {
            return path.startsWith("/search/docs/");
        }

        private static long sum(Stream<Fetch> fetches, ToLongFunction<Fetch> size) {
            return fetches.mapToLong(size).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        int count = 10_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--count")) {
                count = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (options: --count N)");
            }
        }
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("needs Debian's chromium and chromium-driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + " (apt-get install -y --no-install-recommends chromium chromium-driver)");
        }
        // With the browser and the driver given, Selenium Manager has nothing to find; keep it offline anyway.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        Path site = site(count);
        String meta = Files.readString(site.resolve("search/meta.js"));
        int docsPerChunk = metaNumber(meta, DOCS_PER_CHUNK);
        int docChunks = metaNumber(meta, DOC_CHUNKS);
        List<Download> downloads = new ArrayList<>();
        try (IncidentSearch lucene = IncidentSearch.open(site)) {
            for (boolean gzip : new boolean[] {false, true}) {
                StaticServer server = StaticServer.start(site, gzip);
                try {
                    for (String query : concat(ENGLISH, CHINESE)) {
                        Set<String> chunks = firstResultChunks(lucene, query, docsPerChunk, docChunks);
                        Download download = coldQuery(server, query, chunks);
                        downloads.add(download);
                        System.out.println(line(download));
                    }
                } finally {
                    server.stop();
                }
            }
        }
        System.out.println();
        for (String encoding : List.of("identity", "gzip")) {
            for (List<String> language : List.of(ENGLISH, CHINESE)) {
                List<Download> of = downloads.stream()
                        .filter(d -> d.encoding().equals(encoding) && language.contains(d.query())).toList();
                System.out.printf(Locale.ROOT, "%s, %s, %d queries, median per cold query: everything %s,"
                                + " engine + data (first %d results) %s, engine + data (page of 10) %s%n",
                        count + " reports", (language == ENGLISH ? "English two-word" : "Chinese") + " (" + encoding
                                + ")", of.size(), kib(median(of, Download::everything)), FIRST_RESULTS,
                        kib(median(of, Download::engineAndDataForFirstResults)),
                        kib(median(of, Download::engineAndDataForPage)));
            }
        }
    }

    /** The built site for {@code count} generated reports: reused from target/site-N, or built there. */
    private static Path site(int count) throws IOException {
        Path site = Path.of("target", "site-" + count);
        if (Files.isRegularFile(site.resolve("search/meta.js"))) {
            return site;
        }
        Path corpus = Path.of("target", "corpus-" + count);
        if (!Files.isDirectory(corpus)) {
            CorpusGenerator.generate(count, 42, corpus);
        }
        BuildResult result = SiteGeneration.run(new BuildRequest(corpus, site,
                new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES),
                SiteSettings.defaults(LocalDate.of(2026, 11, 25), ZoneOffset.UTC)));
        if (!result.site().written()) {
            throw new IllegalStateException("the site was not built: " + result.diagnostics());
        }
        return site;
    }

    private static int metaNumber(String meta, Pattern key) {
        Matcher m = key.matcher(meta);
        if (!m.find()) {
            throw new IllegalStateException("search/meta.js has no " + key);
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * The chunk files holding the query's first results. Lucene's ranking is the browser engine's (the
     * parity tests check it), so Lucene says which documents the page shows first.
     */
    private static Set<String> firstResultChunks(IncidentSearch lucene, String query, int docsPerChunk,
                                                 int docChunks) throws IOException {
        Set<String> chunks = new HashSet<>();
        for (ScoreDoc hit : lucene.searcher().search(lucene.plainQuery(query), FIRST_RESULTS).scoreDocs) {
            chunks.add(chunkPath(hit.doc / docsPerChunk, docChunks));
        }
        return chunks;
    }

    /** Mirrors the engine's docFile: chunk numbers padded to the width of the last one. */
    private static String chunkPath(int chunk, int docChunks) {
        int width = String.valueOf(Math.max(0, docChunks - 1)).length();
        return "/search/docs/" + String.format(Locale.ROOT, "%0" + width + "d", chunk) + ".js";
    }

    private static Download coldQuery(StaticServer server, String query, Set<String> firstResultChunks)
            throws IOException {
        Path profile = Files.createTempDirectory("hindsight-chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(service, options);
        List<Fetch> fetches = new ArrayList<>();
        try {
            server.resetCount();
            String url = server.base() + "search/index.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
            driver.get(url);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            Object state;
            try {
                state = new WebDriverWait(driver, Duration.ofSeconds(60))
                        .until(d -> js.executeScript(RESULTS_SHOWN));
            } catch (TimeoutException e) {
                throw new IllegalStateException("no results for '" + query + "' within a minute", e);
            }
            if (!"shown".equals(state)) {
                throw new IllegalStateException("the search page failed for '" + query + "'");
            }
            for (Object entry : (List<?>) js.executeScript(ENTRIES)) {
                List<?> e = (List<?>) entry;
                fetches.add(new Fetch(URI.create((String) e.get(0)).getPath(), ((Number) e.get(1)).longValue(),
                        ((Number) e.get(2)).longValue()));
            }
        } finally {
            driver.quit();
            deleteTree(profile);
        }
        // Chromium fetches the favicon for its tab, outside the page: Resource Timing does not list it, so it
        // counts with the body the server sent (its headers are a few hundred bytes more).
        Set<String> seen = new HashSet<>();
        fetches.forEach(f -> seen.add(f.path()));
        for (Served file : server.servedFiles()) {
            if (seen.add(file.path())) {
                fetches.add(new Fetch(file.path(), file.bytes(), file.bytes()));
            }
        }
        return new Download(query, server.gzip() ? "gzip" : "identity", fetches, firstResultChunks,
                server.bodyBytes());
    }

    /** A file the local server sent, with the body's size as sent. */
    record Served(String path, long bytes) {
    }

    private static String line(Download d) {
        String check = d.bodies() == d.serverBodyBytes() ? ""
                : String.format(Locale.ROOT, " (the server sent %d body bytes, the browser counted %d)",
                d.serverBodyBytes(), d.bodies());
        return String.format(Locale.ROOT, "%-8s %-20s everything %10s in %2d files | engine + data: first %d %10s,"
                        + " page %10s | %d term shards, %d doc chunks, %d for the first %d%s", d.encoding(),
                "'" + d.query() + "'", kib(d.everything()), d.fetches().size(), FIRST_RESULTS,
                kib(d.engineAndDataForFirstResults()), kib(d.engineAndDataForPage()), d.count("/search/terms/"),
                d.count("/search/docs/"), d.firstResultChunks().size(), FIRST_RESULTS, check);
    }

    private static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
    }

    private static double median(List<Download> downloads, ToLongFunction<Download> size) {
        long[] sizes = downloads.stream().mapToLong(size).sorted().toArray();
        int n = sizes.length;
        return n % 2 == 1 ? sizes[n / 2] : (sizes[n / 2 - 1] + sizes[n / 2]) / 2.0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Chromium may still be writing its profile as it exits; a left-over temp directory is harmless.
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }

    /**
     * The site's files over HTTP on 127.0.0.1 (an ephemeral port), with a Content-Length on every answer and,
     * when {@code gzip}, text compressed for a browser that accepts it. Counts the body bytes it sends.
     */
    private record StaticServer(HttpServer http, Path root, boolean gzip, AtomicLong sent, List<Served> served) {
        private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
                "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
                "json", "application/json", "svg", "image/svg+xml", "xml", "application/xml",
                "woff2", "font/woff2", "png", "image/png");

        static StaticServer start(Path root, boolean gzip) throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StaticServer server = new StaticServer(http, root.toAbsolutePath().normalize(), gzip, new AtomicLong(),
                    Collections.synchronizedList(new ArrayList<>()));
            http.createContext("/", server::serve);
            http.start();
            return server;
        }

        String base() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
        }

        void resetCount() {
            sent.set(0);
            served.clear();
        }

        long bodyBytes() {
            return sent.get();
        }

        List<Served> servedFiles() {
            synchronized (served) {
                return List.copyOf(served);
            }
        }

        void stop() {
            http.stop(0);
        }

        private void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
                Path file = root.resolve(path.substring(1)).normalize();
                if (file.startsWith(root) && Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
                        "application/octet-stream");
                exchange.getResponseHeaders().set("Content-Type", type);
                String accepts = exchange.getRequestHeaders().getFirst("Accept-Encoding");
                if (gzip && (type.startsWith("text/") || type.startsWith("application/") || type.contains("svg"))
                        && accepts != null && accepts.contains("gzip")) {
                    body = gzip(body);
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                sent.addAndGet(body.length);
                served.add(new Served(path, body.length));
            }
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
