package dev.hindsight.site;

import dev.hindsight.load.HostileCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnhandledAlertException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the hostile corpus's site opened in headless Chromium, from file:// and over HTTP on
 * 127.0.0.1: no alert, confirm or prompt dialog opens, no payload sets its {@code window.__pwned}
 * marker, the console shows no error, and no request leaves the site. A failure lists every page at
 * fault, not only the first.
 */
class HostileBrowserTest {
    /** What the corpus's payloads set when they run; see {@code reports/hostile/xss-markers-and-beacons.md}. */
    private static final String MARKER = "__pwned";
    /** Any one page: more dialogs than this means a payload opens them in a loop. */
    private static final int MAX_DIALOGS = 10;
    /** Chromium asks an http origin for /favicon.ico on its own; the theme declares none, so it 404s. */
    private static final String FAVICON_PROBE = "favicon.ico";

    @TempDir
    static Path temp;
    private static BuiltSite site;
    private static SiteInBrowser browser;

    /** Where the site is opened from. */
    enum Origin {
        FILE, HTTP;

        /** The site's root URL, ending in '/': every request a page makes must start with it. */
        String root() {
            return switch (this) {
                case FILE -> browser.fileRoot();
                case HTTP -> browser.httpRoot();
            };
        }
    }

    @BeforeAll
    static void buildServeAndStartBrowser() throws IOException {
        Path parent = Files.createDirectory(temp.resolve("work"));
        site = BuiltSite.build(HostileCorpus.write(parent), parent.resolve("site"), BuiltSite.settings());
        assertThat(site.result().site().written()).isTrue();
        assertThat(site.pages()).as("the hostile site's pages").hasSizeGreaterThan(50);

        browser = new SiteInBrowser(site.root(), temp.resolve("chromium-profile"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Origin.class)
    void noPageOpensADialogRunsAPayloadLogsAnErrorOrReachesOutside(Origin origin) {
        List<String> faults = new ArrayList<>();
        for (String page : site.pages()) {
            faults.addAll(faults(origin, page));
        }
        assertThat(faults).as("what the hostile site's pages did in Chromium").isEmpty();
    }

    /** Opens one page and lists what it did that it must not, each naming the page. */
    private static List<String> faults(Origin origin, String page) {
        HeadlessChromium chromium = browser.chromium();
        List<String> faults = new ArrayList<>();
        try {
            chromium.open(origin.root() + page);
        } catch (UnhandledAlertException e) {
            // A dialog opened while the page loaded; it is counted below.
        }
        for (int i = 0; i < MAX_DIALOGS; i++) {
            Optional<String> dialog = chromium.closeDialog();
            if (dialog.isEmpty()) {
                break;
            }
            faults.add(page + ": a dialog opened: " + dialog.get());
        }
        Object marker = ((JavascriptExecutor) chromium.driver())
                .executeScript("return window." + MARKER + " === undefined ? null : String(window." + MARKER + ");");
        if (marker != null) {
            faults.add(page + ": a payload ran and set " + MARKER + " = " + marker);
        }
        String favicon = origin.root() + FAVICON_PROBE;
        chromium.consoleErrors().stream()
                .filter(message -> !message.startsWith(favicon + " "))
                .forEach(message -> faults.add(page + ": console error: " + message));
        chromium.network().requests().stream()
                .filter(url -> !url.startsWith(origin.root()))
                .forEach(url -> faults.add(page + ": a request left the site: " + url));
        return faults;
    }
}
