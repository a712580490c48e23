package dev.hindsight.serve;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.site.SiteSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A served page in headless Chromium follows the report: edit it, and the open page shows the new text
 * without anyone reloading it; the search page asks the server's Lucene index. Needs Debian's chromium and
 * chromium-driver, as the site's browser tests do.
 */
class PreviewBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    static Path temp;
    private static Path source;
    private static PreviewServer server;
    private static WebDriver driver;

    @BeforeAll
    static void serveAndStartBrowser() throws IOException {
        assertThat(Path.of(CHROMIUM)).as("apt-get install chromium chromium-driver").isExecutable();
        source = Files.createDirectories(temp.resolve("reports"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/reports/metrics"))) {
            for (Path file : files.toList()) {
                Files.copy(file, source.resolve(file.getFileName()));
            }
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        server = PreviewServer.start(new ServeSettings(new BuildRequest(source, temp.resolve("site"),
                new LoadSettings(zone, LoadSettings.DEFAULT_MAX_REPORT_BYTES),
                SiteSettings.defaults(LocalDate.of(2026, 3, 31), zone)), 0), new PreviewListener() {
                    @Override
                    public void built(int number, BuildResult result, long millis) {
                    }

                    @Override
                    public void failed(RuntimeException problem) {
                        throw problem;
                    }
                });
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectory(temp.resolve("chromium-profile")));
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void anOpenPageShowsTheEditWithoutAManualReload() throws IOException {
        driver.get(server.address().resolve("incidents/MET-6/").toString());
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).contains("API pods crash-looping");
        // Marks this document: a reload replaces it, and the mark is gone.
        ((JavascriptExecutor) driver).executeScript("window.hindsightTestMark = true;");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/__hindsight/live.js')).length")).intValue() > 0);

        Path report = source.resolve("MET-6.md");
        Files.writeString(report, Files.readString(report).replace("title: API pods crash-looping",
                "title: API pods crash-looping after the node upgrade"));

        // The page is replaced while the wait looks at it: an element of the old page may go stale mid-check.
        new WebDriverWait(driver, BOUND).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("main h1")).getText().contains("after the node upgrade"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.hindsightTestMark === true")).isEqualTo(false);
    }

    @Test
    void theSearchPageAsksTheServersIndex() {
        driver.get(server.address().resolve("search/?q=cache+eviction").toString());

        new WebDriverWait(driver, BOUND).until(d -> !d.findElements(By.cssSelector(".search-results li")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(".search-result-title a")).get(0).getText())
                .contains("Cache eviction storm");
        Object apiCalls = ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/search?')).length");
        assertThat(((Number) apiCalls).intValue()).isPositive();
        Object shardLoads = ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/terms/')).length");
        assertThat(((Number) shardLoads).intValue()).isZero();
    }
}
