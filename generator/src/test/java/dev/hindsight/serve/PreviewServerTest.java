package dev.hindsight.serve;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.site.SiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview server, really started on an ephemeral port over a copy of the metrics fixture: pages at the
 * built site's paths, reload events after edits, the diagnostics page for a broken report and recovery,
 * refused traversal, the search endpoint.
 */
class PreviewServerTest {
    private static final Path FIXTURE = Path.of("src/test/resources/reports/metrics");
    /** Long enough for a rebuild on a loaded 2-core machine; the wait ends as soon as the event comes. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path temp;
    private Path source;
    private PreviewServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        source = temp.resolve("reports");
        Files.createDirectories(source);
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path file : files.toList()) {
                Files.copy(file, source.resolve(file.getFileName()));
            }
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        BuildRequest build = new BuildRequest(source, temp.resolve("site"),
                new LoadSettings(zone, LoadSettings.DEFAULT_MAX_REPORT_BYTES),
                SiteSettings.defaults(LocalDate.of(2026, 3, 31), zone));
        server = PreviewServer.start(new ServeSettings(build, 0), new PreviewListener() {
            @Override
            public void built(int number, BuildResult result, long millis) {
                synchronized (log) {
                    result.diagnostics().forEach(d -> log.add(d.toGccLine()));
                }
            }

            @Override
            public void failed(RuntimeException problem) {
                synchronized (log) {
                    log.add("failed: " + problem);
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.address().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request written byte for byte, so that no client library tidies the path first. */
    private String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Listens to the reload events; each event's data (the build number) lands in the queue. */
    private BlockingQueue<String> events() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(server.address().resolve(PreviewServer.EVENTS.substring(1))).build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("data: "))
                .forEach(l -> events.add(l.substring(6))));
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void pagesAreServedAtTheBuiltSitesPathsWithThePreviewsScriptAdded() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("<script src=\"/__hindsight/live.js\" defer></script>",
                "<meta name=\"hindsight-search-api\" content=\"/api/search\">");

        HttpResponse<String> incident = get("/incidents/MET-1/");
        assertThat(incident.statusCode()).isEqualTo(200);
        assertThat(incident.body()).contains("Payments API timeouts after a deploy");
        HttpResponse<String> withoutSlash = get("/incidents/MET-1");
        assertThat(withoutSlash.statusCode()).isEqualTo(301);
        assertThat(withoutSlash.headers().firstValue("Location")).hasValue("/incidents/MET-1/");
        assertThat(get("/__hindsight/live.js").body()).contains("new EventSource('/__hindsight/events')");
        assertThat(get("/no/such/page/").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditedReportIsRebuiltAndOpenPagesAreToldToReload() throws Exception {
        BlockingQueue<String> events = events();

        edit(source.resolve("MET-1.md"), "title: Payments API timeouts after a deploy",
                "title: Payments API timeouts after the Friday deploy");

        assertThat(events.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("2");
        assertThat(get("/incidents/MET-1/").body()).contains("Payments API timeouts after the Friday deploy");
        assertThat(server.builds()).isEqualTo(2);
        // Only the edited report was parsed again; the other five came from the previous build.
        assertThat(server.lastLoad()).isEqualTo(new dev.hindsight.load.ReportCache.Counts(1, 5));
    }

    @Test
    void aBrokenReportShowsItsDiagnosticsAndAFixRecovers() throws Exception {
        BlockingQueue<String> events = events();

        edit(source.resolve("MET-2.md"), "severity: P1", "severity: P7");
        assertThat(events.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        String broken = get("/incidents/MET-1/").body();
        assertThat(broken).contains("1 error in the reports", "MET-2.md:4:", "[HS122]")
                .contains("<script src=\"/__hindsight/live.js\" defer></script>");
        synchronized (log) {
            assertThat(log).anySatisfy(line -> assertThat(line).contains("MET-2.md:4:"));
        }

        edit(source.resolve("MET-2.md"), "severity: P7", "severity: P1");
        assertThat(events.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(get("/incidents/MET-2/").body()).contains("API errors during a second deploy")
                .doesNotContain("in the reports</h1>");
    }

    @Test
    void traversalAndAnythingOutsideTheSiteAreRefused() throws Exception {
        Path canary = Files.writeString(temp.resolve("canary.txt"), "CANARY-SECRET");
        Path site = temp.resolve("site");
        Files.createSymbolicLink(site.resolve("leak.txt"), canary);
        Files.createSymbolicLink(site.resolve("leak-dir"), temp);

        for (String path : List.of("/../canary.txt", "/%2e%2e/canary.txt", "/%2E%2E/%2E%2E/etc/passwd",
                "/incidents/..%2f..%2fcanary.txt", "/./index.html", "/leak.txt", "/leak-dir/canary.txt",
                "/search/index/", "/incidents/%5c..%5ccanary.txt")) {
            String response = raw("GET " + path + " HTTP/1.1");
            assertThat(response).as(path).startsWith("HTTP/1.1 40").doesNotContain("CANARY-SECRET");
        }
        assertThat(raw("POST / HTTP/1.1")).startsWith("HTTP/1.1 405").contains("Allow: GET, HEAD");
        assertThat(raw("DELETE /index.html HTTP/1.1")).startsWith("HTTP/1.1 405");
        assertThat(raw("GET /" + "a".repeat(5000) + " HTTP/1.1")).startsWith("HTTP/1.1 414");
        String head = raw("HEAD /index.html HTTP/1.1");
        assertThat(head).startsWith("HTTP/1.1 200").doesNotContain("<html");
    }

    @Test
    void theSearchEndpointAnswersFromTheLuceneIndex() throws Exception {
        HttpResponse<String> answer = get("/api/search?q=" + java.net.URLEncoder.encode("cache eviction",
                StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).startsWith("{\"query\":\"cache eviction\",\"hits\":[{\"doc\":")
                .contains("\"id\":\"MET-5\"");
        assertThat(get("/api/search").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=title%3A%28unclosed").statusCode()).isEqualTo(400);
    }

    @Test
    void closingStopsTheServer() throws Exception {
        URI address = server.address();
        server.close();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> http.send(
                HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()))).isInstanceOf(IOException.class);
    }
}
