package dev.hindsight.site;

import dev.hindsight.TestFiles;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Priority;
import dev.hindsight.model.Severity;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.search.SearchHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built site in a real browser (headless Chromium): the theme's script runs from file:// and over
 * HTTP without console errors or blocked requests, the incidents table filters, remembers its filter in
 * the URL and sorts, and a report full of script payloads shows them as text without running any.
 */
class BrowserSmokeTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final Path SAMPLE = Path.of("../sample-site/src/postmortems");
    private static final Path XSS_REPORT = Path.of("src/test/resources/reports/browser-xss/INC-2026-01-01-001.md");
    private static final String XSS_ID = "INC-2026-01-01-001";
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>");

    /** The theme's script, fingerprinted: the only script any page may load. */
    private static final String THEME_SCRIPT = "(\\.\\./)*assets/site\\.[0-9a-f]+\\.js";
    /**
     * Chromium asks every http origin for /favicon.ico on its own; the theme declares no icon, so that
     * probe is the browser's request and not the page's, and its 404 is left out of the checks.
     */
    private static final String FAVICON_PROBE = "favicon.ico";

    @TempDir
    static Path temp;

    private static BuildResult build;
    private static Path site;
    private static SiteInBrowser browser;
    private static HeadlessChromium chromium;
    private static WebDriver driver;

    /** Where the site is opened from. */
    enum Origin {
        FILE, HTTP;

        String url(String sitePath) {
            return switch (this) {
                case FILE -> browser.fileRoot() + sitePath;
                case HTTP -> browser.httpRoot() + sitePath;
            };
        }
    }

    @BeforeAll
    static void buildServeAndStartBrowser() throws IOException {
        Path source = Files.createDirectory(temp.resolve("source"));
        TestFiles.copyTree(SAMPLE, source.resolve("sample"));
        Files.createDirectories(source.resolve("browser-xss"));
        Files.copy(XSS_REPORT, source.resolve("browser-xss").resolve(XSS_REPORT.getFileName()));
        site = temp.resolve("site");
        build = SiteGeneration.run(new BuildRequest(source, site,
                new LoadSettings(ZONE, LoadSettings.DEFAULT_MAX_REPORT_BYTES), SiteSettings.defaults(AS_OF, ZONE)));
        assertThat(build.diagnostics()).as("build diagnostics").noneMatch(Diagnostic::isError);
        assertThat(build.load().incidents()).anyMatch(i -> i.id().equals(XSS_ID));

        browser = new SiteInBrowser(site, temp.resolve("chromium-profile"));
        chromium = browser.chromium();
        driver = chromium.driver();
    }

    @AfterAll
    static void stopBrowserAndServer() {
        if (browser != null) {
            browser.close();
        }
    }

    /* ------------------------------------------------------------------------------------- tests */

    @ParameterizedTest
    @EnumSource(Origin.class)
    void homePageLoadsWithoutConsoleErrorsOrFailedRequests(Origin origin) {
        open(origin.url(SitePaths.HOME));

        assertThat(driver.findElement(By.cssSelector("main h1")).isDisplayed()).isTrue();
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void theMetricsPageShowsEveryChartWithItsMarksDrawn(Origin origin) {
        open(origin.url(SitePaths.METRICS));

        List<WebElement> sections = driver.findElements(By.cssSelector("section.chart-section"));
        assertThat(sections).hasSize(10);
        for (WebElement section : sections) {
            String id = section.getAttribute("id");
            WebElement svg = section.findElement(By.cssSelector("figure > svg"));
            assertThat(svg.isDisplayed()).as(id).isTrue();
            assertThat(svg.getRect().getWidth()).as(id).isGreaterThan(300);
            assertThat(svg.getRect().getHeight()).as(id).isGreaterThan(100);
            // The marks are laid out with a size and painted in a colour (the stylesheet's, not "none").
            Object drawn = ((JavascriptExecutor) driver).executeScript(
                    "const marks = arguments[0].querySelectorAll('rect, circle, polyline');"
                            + "return Array.from(marks).filter(e => { const b = e.getBoundingClientRect();"
                            + " const s = getComputedStyle(e);"
                            + " return (b.width > 0 || b.height > 0) && (s.fill !== 'none' || s.stroke !== 'none'); }).length;",
                    svg);
            assertThat(((Number) drawn).intValue()).as(id).isPositive();
        }
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void incidentsPageRunsItsScriptAndFiltersBySeverity(Origin origin) {
        open(origin.url(SitePaths.INCIDENTS));
        WebElement form = waitForFilterForm();
        assertThat(visibleRows()).hasSize(build.load().incidents().size());

        String p1 = selectSeverityP1(form);

        assertThat(visibleRows()).hasSize(p1Incidents());
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> URI.create(d.getCurrentUrl()).getFragment() != null);
        assertThat(URI.create(driver.getCurrentUrl()).getFragment()).contains("severity=" + p1);
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void theHomeSearchBoxLeadsToTheSearchPageWhichRanksLikeLucene(Origin origin) {
        open(origin.url(SitePaths.HOME));
        WebElement box = driver.findElement(By.cssSelector("form.search-box input[name=q]"));
        box.sendKeys("connection pool");
        box.submit();

        assertThat(searchResultIds()).isNotEmpty().containsExactlyElementsOf(luceneTopTen("connection pool"));
        assertThat(driver.findElement(By.id("hs-q")).getDomProperty("value")).isEqualTo("connection pool");
        assertThat(driver.findElements(By.cssSelector(".search-result mark"))).extracting(WebElement::getText)
                .map(text -> text.toLowerCase(Locale.ROOT)).contains("connection", "pool");

        // Chinese terms travel in the term shards as UTF-8, which must survive loading by script from file://.
        WebElement searchBox = driver.findElement(By.id("hs-q"));
        searchBox.clear();
        searchBox.sendKeys("缓存雪崩");
        new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> searchResultIds().equals(luceneTopTen("缓存雪崩")));
        assertThat(searchResultIds()).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".search-result mark"))).extracting(WebElement::getText)
                .contains("缓存雪崩");
        assertThat(URI.create(driver.getCurrentUrl()).getFragment()).isEqualTo("q=缓存雪崩");
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void theSearchPageIsKeyboardFriendly(Origin origin) {
        open(origin.url(SitePaths.SEARCH));
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("hs-search")).getDomAttribute("class").contains("search-ready"));

        new Actions(driver).sendKeys("/").perform();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("hs-q");
        new Actions(driver).sendKeys("redis").perform();
        List<String> expected = luceneTopTen("redis");
        assertThat(expected).hasSizeGreaterThan(2);
        new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> searchResultIds().equals(expected));

        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(focusedResultId()).isEqualTo(expected.get(0));
        new Actions(driver).sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN).perform();
        assertThat(focusedResultId()).isEqualTo(expected.get(2));
        new Actions(driver).sendKeys(Keys.ARROW_UP).perform();
        assertThat(focusedResultId()).isEqualTo(expected.get(1));
        new Actions(driver).sendKeys(Keys.ENTER).perform();

        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().contains(SitePaths.incident(expected.get(1))));
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void theSearchPageFiltersItsResultsAndKeepsThemInTheHash(Origin origin) {
        List<String> all = luceneTopTen("connection", 100);
        Map<String, Severity> severities = new HashMap<>();
        build.load().incidents().forEach(i -> severities.put(i.id(), i.severity()));
        // A severity some but not all of the matches have, so that filtering visibly narrows the results.
        Severity severity = Stream.of(Severity.values()).filter(s -> all.stream().anyMatch(id -> severities.get(id) == s)
                && !all.stream().allMatch(id -> severities.get(id) == s)).findFirst().orElseThrow();
        List<String> filtered = all.stream().filter(id -> severities.get(id) == severity).limit(10).toList();
        open(origin.url(SitePaths.SEARCH) + "#q=connection");
        new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> searchResultIds().equals(all.subList(0, Math.min(10, all.size()))));

        WebElement filters = driver.findElement(By.cssSelector(".search-filters"));
        assertThat(filters.isDisplayed()).isTrue();
        new Select(filters.findElement(By.name("severity"))).selectByVisibleText(severity.name());

        new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> searchResultIds().equals(filtered));
        assertThat(driver.findElements(By.cssSelector(".search-result .badge"))).extracting(WebElement::getText)
                .containsOnly(severity.name());
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> String.valueOf(URI.create(d.getCurrentUrl())
                .getFragment()).contains("severity=" + severity.name()));

        driver.navigate().refresh();

        new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> searchResultIds().equals(filtered));
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void reloadingWithTheFilterInTheHashRestoresIt(Origin origin) {
        open(origin.url(SitePaths.INCIDENTS));
        String p1 = selectSeverityP1(waitForFilterForm());
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("severity=" + p1));

        driver.navigate().refresh();

        WebElement form = waitForFilterForm();
        assertThat(new Select(form.findElement(By.name("severity"))).getFirstSelectedOption().getText()).isEqualTo("P1");
        assertThat(visibleRows()).hasSize(p1Incidents());
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void clickingAColumnHeaderSortsTheTable(Origin origin) {
        open(origin.url(SitePaths.INCIDENTS));
        waitForFilterForm();
        WebElement idHeader = driver.findElement(By.cssSelector("table#incidents thead th:nth-child(1)"));

        idHeader.findElement(By.tagName("button")).click();

        assertThat(idHeader.getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(firstColumn()).hasSize(build.load().incidents().size()).isSortedAccordingTo(Comparator.naturalOrder());

        idHeader.findElement(By.tagName("button")).click();

        assertThat(idHeader.getDomAttribute("aria-sort")).isEqualTo("descending");
        assertThat(firstColumn()).isSortedAccordingTo(Comparator.reverseOrder());
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void sortingByStartedPutsIncidentsInTimeOrder(Origin origin) {
        open(origin.url(SitePaths.INCIDENTS));
        waitForFilterForm();
        WebElement startedHeader = driver.findElement(By.cssSelector("table#incidents thead th:nth-child(5)"));

        startedHeader.findElement(By.tagName("button")).click();

        List<String> chronological = build.load().incidents().stream()
                .sorted(Comparator.comparing((Incident i) -> i.times().started().toInstant()))
                .map(Incident::id)
                .toList();
        assertThat(startedHeader.getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(firstColumn()).containsExactlyElementsOf(chronological);
        assertCleanLoad(origin);
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void actionsPageFiltersByOverdueAndPriorityAndKeepsTheFilterInTheHash(Origin origin) {
        ActionTracker tracker = new KnowledgeBase(build.load().incidents(), AS_OF).tracker();
        open(origin.url(SitePaths.ACTIONS));
        WebElement form = waitForFilterForm();
        assertThat(visibleRows("actions")).hasSize(tracker.total());
        assertThat(driver.findElement(By.cssSelector("svg.burn-down-chart")).isDisplayed()).isTrue();

        new Select(form.findElement(By.name("overdue"))).selectByValue("yes");

        assertThat(visibleRows("actions")).hasSize(tracker.overdue().size());
        new Select(form.findElement(By.name("priority"))).selectByValue("high");

        long overdueHigh = tracker.overdue().stream().filter(t -> t.item().priority() == Priority.HIGH).count();
        assertThat(overdueHigh).as("overdue high-priority items in the sample").isBetween(1L, tracker.overdue().size() - 1L);
        assertThat(visibleRows("actions")).hasSize((int) overdueHigh);
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> String.valueOf(URI.create(d.getCurrentUrl()).getFragment()).contains("priority=high"));
        assertThat(URI.create(driver.getCurrentUrl()).getFragment()).contains("overdue=yes");
        assertCleanLoad(origin);
    }

    @Test
    void theFreeTextFilterMatchesWhatARowShowsAndWhatAnIncidentRowOnlyHolds() {
        List<Incident> incidents = build.load().incidents();
        ActionTracker tracker = new KnowledgeBase(incidents, AS_OF).tracker();
        // An action's id is shown in its row's first cell and nowhere else: the filter reads the cells.
        String id = tracker.items().get(tracker.items().size() / 2).item().qualifiedId().toLowerCase(Locale.ROOT);
        long withId = tracker.items().stream()
                .filter(t -> t.item().qualifiedId().toLowerCase(Locale.ROOT).contains(id)).count();
        open(Origin.FILE.url(SitePaths.ACTIONS));
        filterText(waitForFilterForm(), id);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visibleRows("actions").size() == withId);
        assertThat(visibleRows("actions")).hasSize((int) withId).first()
                .satisfies(row -> assertThat(row.getText().toLowerCase(Locale.ROOT)).contains(id));

        // A long word of one incident's summary, which its row does not show: the filter reads data-text too.
        Incident incident = incidents.stream().filter(i -> i.summary() != null && summaryWord(i) != null)
                .findFirst().orElseThrow();
        String word = summaryWord(incident);
        List<String> holding = incidents.stream().filter(i -> String.join(" ", i.id(), i.title(),
                        String.join(" ", i.services()), String.join(" ", i.tags()), String.valueOf(i.owner()),
                        String.valueOf(i.summary())).toLowerCase(Locale.ROOT).contains(word))
                .map(Incident::id).toList();
        open(Origin.FILE.url(SitePaths.INCIDENTS));
        filterText(waitForFilterForm(), word);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visibleRows().size() == holding.size());
        assertThat(visibleRows()).extracting(row -> row.findElement(By.tagName("td")).getText())
                .containsExactlyInAnyOrderElementsOf(holding);
        assertCleanLoad(Origin.FILE);
    }

    @Test
    void scriptPayloadsInAReportShowAsTextAndNeverRun() {
        open(Origin.FILE.url(SitePaths.incident(XSS_ID)));

        assertNoAlert();
        assertThat(driver.getTitle()).contains("<script>alert(1)</script>");
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(PAYLOADS).allSatisfy(payload -> assertThat(text).contains(payload));
        assertThat(driver.findElements(By.cssSelector("iframe, svg, img, object, embed, [onerror], [onload]"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script")))
                .allSatisfy(script -> assertThat(script.getDomAttribute("src")).matches(THEME_SCRIPT));
        List<WebElement> scriptLinks = driver.findElements(By.xpath("//main//a[normalize-space(.)='x']"));
        assertThat(scriptLinks).singleElement()
                .satisfies(link -> assertThat(link.getDomAttribute("href")).isEqualTo(SafeUrls.NEUTRALISED));
        assertThat(driver.findElements(By.cssSelector("a[href]")))
                .noneMatch(a -> a.getDomAttribute("href").strip().toLowerCase(Locale.ROOT).startsWith("javascript:"));

        scriptLinks.get(0).click();

        assertNoAlert();
        assertCleanLoad(Origin.FILE);
    }

    /* --------------------------------------------------------------------------------- helpers */

    private static void open(String url) {
        chromium.open(url);
    }

    /**
     * Nothing went to the console as an error (script errors, CSP violations and failed loads all do)
     * and every request the page made stayed on its own origin and succeeded.
     */
    private static void assertCleanLoad(Origin origin) {
        String own = origin.url("");
        String favicon = own + FAVICON_PROBE;
        assertThat(chromium.consoleErrors()).as("console errors")
                .filteredOn(message -> !message.startsWith(favicon + " "))
                .isEmpty();
        HeadlessChromium.Network network = chromium.network();
        assertThat(network.requests()).as("requests").isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(own));
        assertThat(network.failures()).as("failed requests").filteredOn(failure -> !failure.startsWith(favicon + ": "))
                .isEmpty();
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).as("an alert was opened")
                .isInstanceOf(NoAlertPresentException.class);
    }

    /** The filter form is hidden in the HTML; the script shows it, so a visible form means the script ran. */
    private static WebElement waitForFilterForm() {
        return new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            WebElement form = d.findElement(By.cssSelector("form.filters"));
            return form.isDisplayed() ? form : null;
        });
    }

    /** Picks P1 as a reader would, by its label; returns the value the form uses for it. */
    private static String selectSeverityP1(WebElement form) {
        Select severity = new Select(form.findElement(By.name("severity")));
        severity.selectByVisibleText("P1");
        String value = severity.getFirstSelectedOption().getDomProperty("value");
        assertThat(value).isEqualToIgnoringCase("P1");
        return value;
    }

    /** The ids of the search page's results once its engine has answered, in order. */
    private static List<String> searchResultIds() {
        return new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement list = d.findElement(By.id("hs-results"));
                    String status = d.findElement(By.cssSelector(".search-status")).getText();
                    if (list.getDomAttribute("aria-busy") != null || status.isEmpty()) {
                        return null;
                    }
                    return list.findElements(By.cssSelector(".search-result-meta .muted")).stream()
                            .map(WebElement::getText).toList();
                });
    }

    private static String focusedResultId() {
        WebElement focused = driver.switchTo().activeElement();
        return focused.findElement(By.xpath("ancestor::li[contains(@class,'search-result')]"))
                .findElement(By.cssSelector(".search-result-meta .muted")).getText();
    }

    private static List<String> luceneTopTen(String query) {
        return luceneTopTen(query, 10);
    }

    private static List<String> luceneTopTen(String query, int limit) {
        try (IncidentSearch search = IncidentSearch.open(site)) {
            return search.search(query, limit).stream().map(SearchHit::id).toList();
        } catch (IOException | IncidentSearch.BadQueryException e) {
            throw new AssertionError(e);
        }
    }

    /** A word of eight letters or more in the incident's summary and not in its title; null when none. */
    private static String summaryWord(Incident incident) {
        String title = incident.title().toLowerCase(Locale.ROOT);
        return Stream.of(incident.summary().toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .filter(w -> w.length() >= 8 && !title.contains(w)).findFirst().orElse(null);
    }

    private static void filterText(WebElement form, String text) {
        WebElement box = form.findElement(By.name("q"));
        box.clear();
        box.sendKeys(text);
    }

    private static List<WebElement> visibleRows() {
        return visibleRows("incidents");
    }

    private static List<WebElement> visibleRows(String tableId) {
        return driver.findElements(By.cssSelector("table#" + tableId + " tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    private static List<String> firstColumn() {
        return driver.findElements(By.cssSelector("table#incidents tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static int p1Incidents() {
        int count = (int) build.load().incidents().stream().filter(i -> i.severity() == Severity.P1).count();
        assertThat(count).as("P1 incidents in the sample").isBetween(1, build.load().incidents().size() - 1);
        return count;
    }
}
