package dev.hindsight.site;

import com.sun.net.httpserver.HttpServer;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.kb.TaxonomyKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How every page type behaves in headless Chromium when served over HTTP: with scripts on, no page logs
 * a console error or makes a failing or off-site request (and a fixture page whose script throws is caught
 * by the same check); with scripts off, every page still reads, the incidents table and an incident's
 * timeline and action items are visible, and every index is reached by following links from the home page.
 */
class PageBehaviourTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String INSTALL_HINT = "Headless browser tests need Debian's chromium and chromium-driver"
            + " at " + CHROMIUM + " and " + CHROMEDRIVER + "; .ci/run installs them"
            + " (apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver)";

    /** A report with every section, among them a timeline and action items. */
    private static final String FULL_INCIDENT = "INC-2025-10-05-001";
    /** Copied into the served site as an extra file, so that it loads exactly as the site's pages do. */
    private static final Path THROWING_FIXTURE = Path.of("src/test/resources/browser/throws.html");
    private static final String FIXTURE_PATH = "page-behaviour-fixtures/throws.html";
    /** Chromium probes /favicon.ico on every http origin by itself; that 404 is the browser's, not the page's. */
    private static final String FAVICON_PROBE = "favicon.ico";

    @TempDir
    static Path temp;

    private static BuiltSite site;
    private static HttpServer server;
    /** Scripts on, console and network logs recorded. */
    private static ChromeDriver scripted;
    /** Scripts off by content setting, as a reader who disabled JavaScript has them. */
    private static ChromeDriver noScript;

    record PageType(String name, String sitePath) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void buildServeAndStartBrowsers() throws IOException {
        assertThat(Path.of(CHROMIUM)).as(INSTALL_HINT).isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as(INSTALL_HINT).isExecutable();

        site = BuiltSite.sample(temp.resolve("site"));
        assertThat(site.result().diagnostics()).as("build diagnostics").noneMatch(Diagnostic::isError);
        Path fixture = site.root().resolve(FIXTURE_PATH);
        Files.createDirectories(fixture.getParent());
        Files.copy(THROWING_FIXTURE, fixture);

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", StaticFiles.of(site.root()));
        server.start();

        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions withScripts = options("profile-scripted");
        withScripts.setCapability("goog:loggingPrefs", logs);
        scripted = new ChromeDriver(service(), withScripts);

        ChromeOptions withoutScripts = options("profile-no-script");
        withoutScripts.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        noScript = new ChromeDriver(service(), withoutScripts);
    }

    @AfterAll
    static void stopBrowsersAndServer() {
        try {
            for (WebDriver driver : new WebDriver[] {scripted, noScript}) {
                if (driver != null) {
                    driver.quit();
                }
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private static ChromeDriverService service() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
    }

    private static ChromeOptions options(String profile) throws IOException {
        return new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                        "--window-size=1280,900", "--force-prefers-reduced-motion",
                        "--user-data-dir=" + Files.createDirectory(temp.resolve(profile)));
    }

    static List<PageType> pageTypes() {
        return List.of(
                new PageType("home", SitePaths.HOME),
                new PageType("incidents", SitePaths.INCIDENTS),
                new PageType("incident", SitePaths.incident(FULL_INCIDENT)),
                new PageType("taxonomy-index", SitePaths.taxonomyIndex(TaxonomyKind.SERVICES)),
                new PageType("taxonomy-term", firstPageUnder("services/")),
                new PageType("lessons", SitePaths.LESSONS),
                new PageType("actions", SitePaths.ACTIONS),
                new PageType("metrics", SitePaths.METRICS),
                new PageType("metrics-service", firstPageUnder("metrics/services/")),
                new PageType("actions-overdue", SitePaths.OVERDUE_ACTIONS),
                new PageType("action-owners", SitePaths.ACTION_OWNERS),
                new PageType("action-owner", firstPageUnder("actions/owners/")),
                new PageType("search", SitePaths.SEARCH + "?q=pool"),
                new PageType("anniversaries", SitePaths.ANNIVERSARIES),
                new PageType("calendar", SitePaths.CALENDAR),
                new PageType("calendar-year", SitePaths.calendarYear(2025)),
                new PageType("not-found", SitePaths.NOT_FOUND));
    }

    /* ------------------------------------------------------------------------- scripts on */

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void everyPageTypeLoadsWithoutConsoleErrorsOrFailedRequests(PageType page) {
        openScripted(page.sitePath());
        if (page.sitePath().startsWith(SitePaths.SEARCH)) {
            // The search script fetches its index shards after load; wait until it has answered.
            new WebDriverWait(scripted, Duration.ofSeconds(5)).until(d ->
                    d.findElement(By.id("hs-results")).getDomAttribute("aria-busy") == null
                            && !d.findElement(By.cssSelector(".search-status")).getText().isEmpty());
            assertThat(scripted.findElements(By.cssSelector("#hs-results .search-result"))).as("results for pool")
                    .isNotEmpty();
        }

        assertThat(loadProblems()).as(page.sitePath()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void everyPageTypeLoadsWithoutConsoleErrorsOrFailedRequestsFromFiles(PageType page) {
        String root = site.root().toUri().toString();
        scripted.get("about:blank");
        scripted.manage().logs().get(LogType.BROWSER);
        scripted.manage().logs().get(LogType.PERFORMANCE);
        scripted.get(root + page.sitePath());
        if (page.sitePath().startsWith(SitePaths.SEARCH)) {
            new WebDriverWait(scripted, Duration.ofSeconds(5)).until(d ->
                    d.findElement(By.id("hs-results")).getDomAttribute("aria-busy") == null
                            && !d.findElement(By.cssSelector(".search-status")).getText().isEmpty());
        }

        assertThat(loadProblems(root)).as(page.sitePath()).isEmpty();
    }

    @Test
    void theCheckBitesOnAPageWhoseScriptThrows() {
        openScripted(FIXTURE_PATH);

        List<String> problems = loadProblems();

        assertThat(problems).anyMatch(p -> p.startsWith("console: ")
                && p.contains("page-behaviour fixture: deliberate failure"));
        assertThat(problems).anyMatch(p -> p.startsWith("request: ") && p.contains("missing-stylesheet.css")
                && p.contains("HTTP 404"));
    }

    /* ------------------------------------------------------------------------ scripts off */

    @Test
    void scriptsAreReallyOffInTheSecondBrowser() {
        openNoScript(SitePaths.INCIDENTS);
        assertThat(noScript.findElement(By.cssSelector("form.filters")).isDisplayed())
                .as("the filter form the script would show").isFalse();
        assertThat(noScript.findElements(By.cssSelector("table#incidents thead button")))
                .as("sort buttons the script would add").isEmpty();

        openNoScript(SitePaths.SEARCH);
        assertThat(noScript.findElement(By.cssSelector("main noscript .search-note")).isDisplayed())
                .as("the <noscript> note renders only without scripts").isTrue();
        assertThat(noScript.findElement(By.id("hs-search")).getDomAttribute("class")).doesNotContain("search-ready");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void everyPageTypeIsReadableWithoutScripts(PageType page) {
        openNoScript(page.sitePath());

        WebElement main = noScript.findElement(By.tagName("main"));
        assertThat(main.isDisplayed()).isTrue();
        assertThat(main.getText()).as(page.sitePath()).isNotBlank();
        assertThat(noScript.findElement(By.cssSelector("main h1")).getText()).as(page.sitePath()).isNotBlank();
    }

    @Test
    void theIncidentsTableShowsEveryRowWithoutScripts() {
        openNoScript(SitePaths.INCIDENTS);

        List<WebElement> rows = noScript.findElements(By.cssSelector("table#incidents tbody tr"));
        assertThat(rows).hasSize(site.result().load().incidents().size()).allMatch(WebElement::isDisplayed);
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).isNotBlank());
    }

    @Test
    void theIncidentPageShowsItsTimelineAndActionItemsWithoutScripts() {
        openNoScript(SitePaths.incident(FULL_INCIDENT));

        WebElement timeline = noScript.findElement(By.cssSelector("ol.timeline"));
        assertThat(timeline.isDisplayed()).isTrue();
        assertThat(timeline.findElements(By.tagName("li"))).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.isDisplayed()).isTrue());
        WebElement actions = noScript.findElement(By.id("hs-action-items"));
        assertThat(actions.isDisplayed()).isTrue();
        assertThat(actions.findElements(By.cssSelector("tbody tr"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.isDisplayed()).isTrue())
                .allSatisfy(row -> assertThat(row.getText()).isNotBlank());
    }

    static List<String> indexes() {
        List<String> indexes = new ArrayList<>(List.of(SitePaths.INCIDENTS));
        Stream.of(TaxonomyKind.values()).map(SitePaths::taxonomyIndex).forEach(indexes::add);
        indexes.addAll(List.of(SitePaths.LESSONS, SitePaths.ACTIONS, SitePaths.SEARCH, SitePaths.ANNIVERSARIES,
                SitePaths.CALENDAR));
        return indexes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void everyIndexIsReachedByFollowingALinkFromTheHomePageWithoutScripts(String index) {
        openNoScript(SitePaths.HOME);
        WebElement link = noScript.findElements(By.cssSelector("a[href='" + index + "']")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no visible link to " + index + " on the home page"));

        link.click();

        new WebDriverWait(noScript, Duration.ofSeconds(5)).until(d -> URI.create(d.getCurrentUrl()).getPath()
                .equals("/" + index));
        assertThat(noScript.findElement(By.tagName("main")).getText()).as(index).isNotBlank();
        if (index.equals(SitePaths.SEARCH)) {
            WebElement note = noScript.findElement(By.cssSelector("main noscript .search-note"));
            assertThat(note.isDisplayed()).as("the search page's <noscript> note").isTrue();
            assertThat(note.getText()).contains("JavaScript");
            assertThat(note.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("../" + SitePaths.INCIDENTS);
        }
    }

    /* --------------------------------------------------------------------------------- helpers */

    private static String url(String sitePath) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + sitePath;
    }

    /** Opens a fresh document with the browser's logs emptied. */
    private static void openScripted(String sitePath) {
        scripted.get("about:blank");
        scripted.manage().logs().get(LogType.BROWSER);
        scripted.manage().logs().get(LogType.PERFORMANCE);
        scripted.get(url(sitePath));
    }

    private static void openNoScript(String sitePath) {
        noScript.get(url(sitePath));
    }

    /**
     * Everything that went wrong since the page was opened, as BrowserSmokeTest judges it: console entries
     * at SEVERE ("console: …"), and requests that failed, answered 400 or more, or left the site's origin
     * ("request: …"); the browser's own favicon.ico probe aside.
     */
    private static List<String> loadProblems() {
        return loadProblems(url(""));
    }

    /** The same, for pages under {@code own} (the HTTP server's root or the site directory's file: URL). */
    private static List<String> loadProblems(String own) {
        String favicon = own + FAVICON_PROBE;
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : scripted.manage().logs().get(LogType.BROWSER).getAll()) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().startsWith(favicon + " ")) {
                problems.add("console: " + entry.getMessage());
            }
        }
        HeadlessChromium.Network network = HeadlessChromium.network(scripted.manage().logs().get(LogType.PERFORMANCE).getAll());
        List<String> requests = network.requests();
        List<String> failures = network.failures();
        if (requests.isEmpty()) {
            problems.add("request: none recorded (the network log is not working)");
        }
        requests.stream().filter(u -> !u.startsWith(own)).forEach(u -> problems.add("request: off-site " + u));
        failures.stream().filter(f -> !f.startsWith(favicon + ": ")).forEach(f -> problems.add("request: " + f));
        return problems;
    }

    private static String firstPageUnder(String directory) {
        return site.pages().stream()
                .filter(p -> p.startsWith(directory) && p.endsWith("/index.html"))
                .filter(p -> !p.equals(directory + "index.html"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no page under " + directory));
    }
}
