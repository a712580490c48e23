package dev.hindsight.site;

import com.sun.net.httpserver.HttpServer;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.kb.TaxonomyKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page type of the sample site, checked by axe-core in headless Chromium against WCAG 2.0/2.1 A and
 * AA, in the light and the dark colour scheme and at a phone and a desktop width: no serious or critical
 * violation. A deliberately inaccessible fixture goes through the same code path and must fail, so the
 * check is known to bite. The skip link and the incidents table's sort buttons work from the keyboard,
 * and every page type is saved as a screenshot per scheme under {@code target/screenshots/} for review.
 */
class AccessibilityTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String INSTALL_HINT = "Headless browser tests need Debian's chromium and chromium-driver"
            + " at " + CHROMIUM + " and " + CHROMEDRIVER + "; .ci/run installs them"
            + " (apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver)";

    /** axe-core comes from npm, pinned by package-lock.json; it is injected into pages, never served by the site. */
    private static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");
    private static final String AXE_HINT = "axe-core is missing at " + AXE.toAbsolutePath().normalize()
            + "; .ci/run installs it (npm ci --prefix generator/src/test/js, run from the repository root)";
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private static final String FIXTURES = "a11y-fixtures/";
    private static final Path BAD_FIXTURE = Path.of("src/test/resources/a11y/bad.html");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** A report with every section (summary, timeline, root cause, actions, lessons …), written without front matter. */
    private static final String FULL_INCIDENT = "INC-2025-10-05-001";
    /** A report whose metadata comes from YAML front matter. */
    private static final String FRONT_MATTER_INCIDENT = "INC-2026-11-18-001";

    @TempDir
    static Path temp;

    private static BuiltSite site;
    private static HttpServer server;
    private static ChromeDriver driver;
    private static String axeSource;

    enum Scheme {
        LIGHT, DARK;

        String media() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Viewport {
        NARROW(360, 800), WIDE(1280, 900);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** One page of each type the site has, by a short name (used for screenshot files) and its site path. */
    record PageType(String name, String sitePath) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void buildServeAndStartBrowser() throws IOException {
        assertThat(Path.of(CHROMIUM)).as(INSTALL_HINT).isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as(INSTALL_HINT).isExecutable();
        assertThat(AXE).as(AXE_HINT).isRegularFile();
        axeSource = Files.readString(AXE, StandardCharsets.UTF_8);

        site = BuiltSite.sample(temp.resolve("site"));
        assertThat(site.result().diagnostics()).as("build diagnostics").noneMatch(Diagnostic::isError);

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", StaticFiles.of(site.root()));
        server.createContext("/" + FIXTURES, StaticFiles.of(BAD_FIXTURE.getParent()));
        server.start();

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                        "--window-size=1280,900", "--hide-scrollbars", "--force-prefers-reduced-motion",
                        "--user-data-dir=" + Files.createDirectory(temp.resolve("chromium-profile")));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowserAndServer() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    static List<PageType> pageTypes() {
        return List.of(
                new PageType("home", SitePaths.HOME),
                new PageType("incidents", SitePaths.INCIDENTS),
                new PageType("incident-full", SitePaths.incident(FULL_INCIDENT)),
                new PageType("incident-front-matter", SitePaths.incident(FRONT_MATTER_INCIDENT)),
                new PageType("taxonomy-index", SitePaths.taxonomyIndex(TaxonomyKind.SERVICES)),
                new PageType("taxonomy-term", firstPageUnder("services/")),
                new PageType("lessons", SitePaths.LESSONS),
                new PageType("actions", SitePaths.ACTIONS),
                new PageType("metrics", SitePaths.METRICS),
                new PageType("metrics-service", firstPageUnder("metrics/services/")),
                new PageType("actions-overdue", SitePaths.OVERDUE_ACTIONS),
                new PageType("action-owners", SitePaths.ACTION_OWNERS),
                new PageType("action-owner", firstPageUnder("actions/owners/")),
                new PageType("search", SitePaths.SEARCH + "?q=connection+pool"),
                new PageType("anniversaries", SitePaths.ANNIVERSARIES),
                new PageType("calendar", SitePaths.CALENDAR),
                new PageType("calendar-year", SitePaths.calendarYear(2025)),
                new PageType("not-found", SitePaths.NOT_FOUND));
    }

    static Stream<Arguments> everyPageSchemeAndViewport() {
        return pageTypes().stream().flatMap(page -> Stream.of(Scheme.values())
                .flatMap(scheme -> Stream.of(Viewport.values()).map(viewport -> Arguments.of(page, scheme, viewport))));
    }

    /* ------------------------------------------------------------------------------------- tests */

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPageSchemeAndViewport")
    void everyPageTypeHasNoSeriousOrCriticalViolations(PageType page, Scheme scheme, Viewport viewport)
            throws IOException {
        open(page.sitePath(), scheme, viewport);

        List<Map<String, Object>> violations = blockingViolations();

        screenshot(page.name() + "-" + scheme.media() + "-" + viewport.width);
        assertThat(violations).as(() -> page.sitePath() + " (" + scheme.media() + ", " + viewport.width + "px):\n"
                + describe(violations)).isEmpty();
    }

    @Test
    void theCheckBitesOnADeliberatelyInaccessiblePage() {
        open(FIXTURES + BAD_FIXTURE.getFileName(), Scheme.LIGHT, Viewport.WIDE);

        List<Map<String, Object>> violations = blockingViolations();

        assertThat(violations).extracting(v -> v.get("id")).contains("image-alt", "color-contrast");
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichMovesFocusToMain() {
        open(SitePaths.INCIDENTS, Scheme.LIGHT, Viewport.WIDE);

        new Actions(driver).sendKeys(Keys.TAB).perform();

        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getDomAttribute("class")).contains("skip-link");
        // Style is recalculated after focus moves; on a loaded machine the check can come first, so it waits.
        assertThat(waitUntil(first::isDisplayed)).as("the skip link shows when focused").isTrue();

        new Actions(driver).sendKeys(Keys.ENTER).perform();

        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("main");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat((Boolean) driver.executeScript("return document.querySelector('main')"
                + ".contains(document.activeElement)")).as("the next Tab stays in main").isTrue();
    }

    @Test
    void theIncidentTableSortsFromTheKeyboard() {
        open(SitePaths.INCIDENTS, Scheme.LIGHT, Viewport.WIDE);
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElement(By.cssSelector("form.filters")).isDisplayed());

        WebElement idButton = tabUntil("table#incidents thead th:nth-child(1) button");
        new Actions(driver).sendKeys(Keys.ENTER).perform();

        WebElement idHeader = driver.findElement(By.cssSelector("table#incidents thead th:nth-child(1)"));
        assertThat(idHeader.getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(driver.switchTo().activeElement()).as("focus stays on the sort button").isEqualTo(idButton);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(idHeader.getDomAttribute("aria-sort")).isEqualTo("descending");

        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement next = driver.switchTo().activeElement();
        assertThat(next.getTagName()).isEqualTo("button");
        WebElement nextHeader = next.findElement(By.xpath("ancestor::th"));
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(nextHeader.getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(idHeader.getDomAttribute("aria-sort")).isNotEqualTo("descending");
    }

    /* --------------------------------------------------------------------------------- helpers */

    /** Loads a page over HTTP at the viewport's size with the colour scheme emulated from the first paint. */
    private static void open(String sitePath, Scheme scheme, Viewport viewport) {
        driver.get("about:blank");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme.media()))));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width,
                "height", viewport.height, "deviceScaleFactor", 1, "mobile", false));
        driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/" + sitePath);
        assertThat((Boolean) driver.executeScript("return matchMedia('(prefers-color-scheme: "
                + scheme.media() + ")').matches")).as("emulated colour scheme").isTrue();
    }

    /** Injects axe-core, runs the WCAG 2.0/2.1 A and AA rules, keeps the serious and critical violations. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blockingViolations() {
        driver.executeScript(axeSource);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); },"
                + " function (e) { done('axe failed: ' + e); });", WCAG_TAGS);
        assertThat(String.valueOf(result)).as("axe result").startsWith("[");
        List<Map<String, Object>> violations = new Json().toType(String.valueOf(result), List.class);
        return violations.stream().filter(v -> BLOCKING_IMPACTS.contains(String.valueOf(v.get("impact")))).toList();
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        return violations.stream().map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + "\n"
                + ((List<Map<String, Object>>) v.get("nodes")).stream()
                .map(n -> "    " + n.get("target") + " " + String.valueOf(n.get("failureSummary")).replace('\n', ' '))
                .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n"));
    }

    /** The whole page, not only the viewport. */
    private static void screenshot(String name) throws IOException {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode(String.valueOf(shot.get("data"))));
    }

    /** Presses Tab from the top of the page until the focus is on an element matching {@code selector}. */
    private static WebElement tabUntil(String selector) {
        WebElement wanted = driver.findElement(By.cssSelector(selector));
        for (int i = 0; i < 200; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (driver.switchTo().activeElement().equals(wanted)) {
                return wanted;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private static String firstPageUnder(String directory) {
        return site.pages().stream()
                .filter(p -> p.startsWith(directory) && p.endsWith("/index.html"))
                .filter(p -> !p.equals(directory + "index.html"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no page under " + directory));
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
                    .until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }
}
