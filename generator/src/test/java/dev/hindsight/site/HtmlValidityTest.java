package dev.hindsight.site;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of a built site is valid HTML by the Nu HTML Checker: the English sample site, the Chinese
 * one, and the site built from the hostile reports (whose escaped text must not break the markup either).
 * Warnings are allowed; errors are not. The checker is shown to bite on a deliberately invalid page.
 */
class HtmlValidityTest {
    private static final Path FIXTURES = Path.of("src/test/resources/html");
    /** The host the pages are checked as if served from; see {@link NuHtmlChecker#check(Path, String)}. */
    private static final String HOST = "hindsight.example";

    @TempDir
    static Path temp;

    private static NuHtmlChecker checker;

    @BeforeAll
    static void setUpChecker() {
        checker = new NuHtmlChecker();
    }

    @Test
    void theCheckerReportsErrorsInAnInvalidPage() {
        List<NuHtmlChecker.Problem> problems = checker.check(FIXTURES.resolve("invalid.html"));

        assertThat(errors(problems)).extracting(NuHtmlChecker.Problem::message)
                .anySatisfy(message -> assertThat(message).contains("Duplicate ID"))
                .anySatisfy(message -> assertThat(message).contains("div"));
    }

    @Test
    void theCheckerFindsNothingInAValidPage() {
        assertThat(checker.check(FIXTURES.resolve("valid.html"))).isEmpty();
    }

    @Test
    void everyPageOfTheEnglishSiteIsValid() {
        assertEveryPageValid(BuiltSite.sample(temp.resolve("english")));
    }

    @Test
    void everyPageOfTheChineseSiteIsValid() {
        assertEveryPageValid(BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("chinese"), new SiteSettings("复盘知识库",
                Locale.SIMPLIFIED_CHINESE, BuiltSite.AS_OF, BuiltSite.ZONE, null, null, false, null)));
    }

    @Test
    void everyPageOfTheHostileSiteIsValid() {
        assertEveryPageValid(BuiltSite.build(XssTest.REPORTS, temp.resolve("hostile"), BuiltSite.settings()));
    }

    private static void assertEveryPageValid(BuiltSite site) {
        List<String> pages = site.pages();
        assertThat(pages).hasSizeGreaterThan(20);
        List<NuHtmlChecker.Problem> problems = new ArrayList<>();
        for (String page : pages) {
            problems.addAll(checker.check(site.root().resolve(page), servedAt(page)));
        }
        problems.stream().filter(p -> p.severity() == NuHtmlChecker.Severity.WARNING)
                .forEach(warning -> System.out.println("[HtmlValidityTest] " + warning));
        assertThat(errors(problems)).as("errors in %d pages", pages.size()).isEmpty();
    }

    /** The page's URL on the host, non-ASCII path segments (such as Chinese owner names) percent-encoded. */
    private static String servedAt(String sitePath) {
        try {
            return new URI("https", HOST, "/" + sitePath, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(sitePath, e);
        }
    }

    private static List<NuHtmlChecker.Problem> errors(List<NuHtmlChecker.Problem> problems) {
        return problems.stream().filter(p -> p.severity() == NuHtmlChecker.Severity.ERROR).toList();
    }
}
