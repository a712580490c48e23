package dev.hindsight.site;

import org.openqa.selenium.Alert;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium as the browser tests drive it: the browser and driver given by path (so
 * Selenium Manager, which would download them, never runs), no host name resolving to anything but
 * 127.0.0.1, and the console and the DevTools network events logged so a test can see every error and
 * every request a page made.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String INSTALL_HINT = "Headless browser tests need Debian's chromium and chromium-driver"
            + " at " + CHROMIUM + " and " + CHROMEDRIVER + "; .ci/run installs them"
            + " (apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver)";

    /** Selenium Manager would download drivers; these keep it offline should anything ever start it. */
    private static final List<String> SELENIUM_MANAGER_PROPERTIES = List.of("SE_OFFLINE", "SE_AVOID_STATS");
    private static final Logger SELENIUM_MANAGER_LOG = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");

    private final List<LogRecord> seleniumManagerRecords = new ArrayList<>();
    private final Handler seleniumManagerWatch = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (seleniumManagerRecords) {
                seleniumManagerRecords.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Level seleniumManagerLevel;
    private final Map<String, String> propertiesBefore = new HashMap<>();
    private final WebDriver driver;

    /** What a page asked for over the network, and what of it failed. */
    record Network(List<String> requests, List<String> failures) {
    }

    /** Starts the browser with its profile in {@code profile} (a directory that must not exist yet). */
    HeadlessChromium(Path profile) throws IOException {
        assertThat(Path.of(CHROMIUM)).as(INSTALL_HINT).isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as(INSTALL_HINT).isExecutable();
        // Selenium Manager logs at FINE whenever it runs (it is what would reach the network for a
        // driver); with the driver and browser given explicitly it must never run.
        seleniumManagerLevel = SELENIUM_MANAGER_LOG.getLevel();
        SELENIUM_MANAGER_LOG.setLevel(Level.ALL);
        SELENIUM_MANAGER_LOG.addHandler(seleniumManagerWatch);
        SELENIUM_MANAGER_PROPERTIES.forEach(p -> {
            String before = System.setProperty(p, "true");
            if (before != null) {
                propertiesBefore.put(p, before);
            }
        });

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        // No host name resolves: the browser cannot reach anything but 127.0.0.1.
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                        "--window-size=1280,900",
                        // The theme scrolls smoothly unless the reader prefers reduced motion; a click
                        // lands where the element will be only once scrolling is instant.
                        "--force-prefers-reduced-motion",
                        "--user-data-dir=" + Files.createDirectory(profile));
        // An alert must stay open for the test to see it, not be dismissed by the next command.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        synchronized (seleniumManagerRecords) {
            assertThat(seleniumManagerRecords).as("Selenium Manager must not run")
                    .extracting(LogRecord::getMessage).isEmpty();
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a fresh document (never a same-document hash change) with the browser's logs emptied. */
    void open(String url) {
        driver.get("about:blank");
        drain(LogType.BROWSER);
        drain(LogType.PERFORMANCE);
        driver.get(url);
    }

    /** The log entries of {@code type} since the last call, which empties the log. */
    List<LogEntry> drain(String type) {
        return driver.manage().logs().get(type).getAll();
    }

    /** The console's errors since the last call: script errors, CSP violations and failed loads all are. */
    List<String> consoleErrors() {
        return drain(LogType.BROWSER).stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Every request since the last call, by URL, and every one that failed (with why). */
    Network network() {
        return network(drain(LogType.PERFORMANCE));
    }

    /** The requests and failures a performance (DevTools) log holds. */
    static Network network(List<LogEntry> performanceLog) {
        Map<Object, String> requests = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (LogEntry entry : performanceLog) {
            Map<String, Object> message = devToolsMessage(entry);
            Map<?, ?> params = (Map<?, ?>) message.get("params");
            switch (String.valueOf(message.get("method"))) {
                case "Network.requestWillBeSent" ->
                        requests.put(params.get("requestId"), String.valueOf(((Map<?, ?>) params.get("request")).get("url")));
                case "Network.loadingFailed" -> failures.add(requests.get(params.get("requestId")) + ": "
                        + params.get("errorText") + (params.containsKey("blockedReason") ? " " + params.get("blockedReason") : ""));
                case "Network.responseReceived" -> {
                    Map<?, ?> response = (Map<?, ?>) params.get("response");
                    if (((Number) response.get("status")).intValue() >= 400) {
                        failures.add(response.get("url") + ": HTTP " + response.get("status"));
                    }
                }
                default -> {
                }
            }
        }
        return new Network(List.copyOf(requests.values()), failures);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> devToolsMessage(LogEntry entry) {
        Map<String, Object> wrapper = new Json().toType(entry.getMessage(), Map.class);
        return (Map<String, Object>) wrapper.get("message");
    }

    /** The text of the alert, confirm or prompt dialog that is open, after closing it; empty when none is. */
    Optional<String> closeDialog() {
        try {
            Alert dialog = driver.switchTo().alert();
            String text = dialog.getText();
            dialog.dismiss();
            return Optional.of(text);
        } catch (NoAlertPresentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            SELENIUM_MANAGER_LOG.removeHandler(seleniumManagerWatch);
            SELENIUM_MANAGER_LOG.setLevel(seleniumManagerLevel);
            SELENIUM_MANAGER_PROPERTIES.forEach(p -> {
                if (propertiesBefore.containsKey(p)) {
                    System.setProperty(p, propertiesBefore.get(p));
                } else {
                    System.clearProperty(p);
                }
            });
        }
    }
}
