package dev.hindsight.site;

import dev.hindsight.model.Incident;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports written to attack their readers: {@code reports/xss/} puts script tags, attribute break-outs
 * and javascript:, vbscript: and data: URLs (in several spellings) into every front-matter field a page
 * shows and into every kind of Markdown a body can hold. On every page of the site none of it may become
 * markup that runs; all of it must still be readable as text.
 */
class XssTest {
    static final Path REPORTS = Path.of("src/test/resources/reports/xss");
    private static final String HOSTILE = "XSS-2026-01-01-001";
    private static final String HOSTILE_SEED = "XSS-2026-01-02-001";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAK_OUT = "\"><img src=x onerror=alert(1)>";
    /** Attributes a browser follows as a URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "srcset", "poster",
            "cite", "background", "data", "xlink:href", "ping", "manifest", "longdesc", "usemap", "codebase", "lowsrc",
            "dynsrc");
    private static final List<String> SCRIPT_SCHEMES = List.of("javascript:", "vbscript:", "data:");
    /** The theme's script, and the search page's engine. */
    private static final String THEME_SCRIPT = "(\\.\\./)*assets/(site|search)\\.[0-9a-f]+\\.js";

    @TempDir
    static Path temp;

    private static BuiltSite escaped;
    private static BuiltSite trusted;

    @BeforeAll
    static void build() {
        escaped = BuiltSite.build(REPORTS, temp.resolve("escaped"), BuiltSite.settings());
        SiteSettings defaults = BuiltSite.settings();
        trusted = BuiltSite.build(REPORTS, temp.resolve("trusted"), new SiteSettings(defaults.title(),
                defaults.locale(), defaults.asOf(), defaults.zone(), null, null, true, null));
    }

    private static Document incident(String id) {
        return escaped.page("incidents/" + id + "/index.html");
    }

    /** Every page of a site, each checked by {@code check}; failures name the page. */
    private static void everyPage(BuiltSite site, Consumer<Document> check) {
        assertThat(site.pages()).hasSizeGreaterThan(20).allSatisfy(page -> {
            check.accept(site.page(page)); // the document's location() names the file
        });
    }

    static void runsNothing(Document page) {
        assertThat(page.select("script")).as(page.location()).allSatisfy(script -> {
            assertThat(script.attr("src")).matches(THEME_SCRIPT);
            assertThat(script.data()).isEmpty();
        });
        List<String> handlers = new ArrayList<>();
        List<String> scriptUrls = new ArrayList<>();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    handlers.add(element.tagName() + " " + attribute);
                }
                if (URL_ATTRIBUTES.contains(name) && startsWithScriptScheme(attribute.getValue())) {
                    scriptUrls.add(element.tagName() + " " + attribute);
                }
            }
        }
        assertThat(handlers).as("event handlers on %s", page.location()).isEmpty();
        assertThat(scriptUrls).as("script URLs on %s", page.location()).isEmpty();
        // The only SVGs are the charts the generator draws itself (burn-down, metrics); only their own
        // elements, never anything that comes from a report.
        assertThat(page.select("iframe, frame, frameset, object, embed, applet, base, svg:not(.chart), math, "
                + "style, template, textarea, [style], [srcdoc]")).as(page.location()).isEmpty();
        assertThat(page.select("svg.chart *")).as(page.location()).allSatisfy(element ->
                assertThat(element.tagName()).isIn("title", "desc", "g", "line", "text", "polyline", "circle", "rect"));
        assertThat(page.select("meta[http-equiv]")).as(page.location()).extracting(m -> m.attr("http-equiv"))
                .containsExactly("Content-Security-Policy");
    }

    /** As a browser reads a URL: white space and control characters anywhere are ignored, case too. */
    private static boolean startsWithScriptScheme(String url) {
        StringBuilder compact = new StringBuilder();
        url.codePoints().filter(c -> c > 0x20 && c != 0x7F).forEach(compact::appendCodePoint);
        String normalised = compact.toString().toLowerCase(Locale.ROOT);
        return SCRIPT_SCHEMES.stream().anyMatch(normalised::startsWith);
    }

    @Test
    void bothHostileReportsLoadAndArePublished() {
        assertThat(escaped.result().load().incidents()).extracting(Incident::id)
                .containsExactlyInAnyOrder(HOSTILE, HOSTILE_SEED);
        assertThat(escaped.result().hasErrors()).isFalse();
        assertThat(escaped.result().site().written()).isTrue();
        assertThat(trusted.result().site().written()).isTrue();
    }

    @Test
    void noPageRunsAnythingTheReportsContain() {
        everyPage(escaped, XssTest::runsNothing);
    }

    @Test
    void trustedRawHtmlStaysInsideTheReportBody() {
        // The setting is for trusted authors: their HTML is kept, but only where their body is shown.
        assertThat(trusted.page("incidents/" + HOSTILE + "/index.html").select("section.report-body script"))
                .isNotEmpty();

        everyPage(trusted, page -> {
            page.select("section.report-body").remove();
            runsNothing(page);
        });
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyThatForbidsInlineScript() {
        everyPage(escaped, page -> {
            Element csp = page.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
            assertThat(csp).as(page.location()).isNotNull();
            String policy = csp.attr("content");
            assertThat(policy).contains("default-src 'none'", "script-src 'self'", "base-uri 'none'")
                    .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*");
            // A policy in a meta element only covers what comes after it.
            assertThat(csp.elementSiblingIndex()).isLessThan(page.selectFirst("head > script").elementSiblingIndex())
                    .isLessThan(page.selectFirst("head > link[rel=stylesheet]").elementSiblingIndex());
        });
    }

    @Test
    void frontMatterPayloadsAreShownAsText() {
        Document page = incident(HOSTILE);

        assertThat(page.selectFirst("h1").text()).contains(SCRIPT, BREAK_OUT, "javascript:alert(1)");
        assertThat(page.title()).contains(SCRIPT, BREAK_OUT);
        assertThat(page.selectFirst("p.page-lead").text())
                .contains(SCRIPT, BREAK_OUT, "<a href=\"javascript:alert(1)\">summary link</a>");
        assertThat(page.select("section.facts-section a.chip")).extracting(Element::text)
                .containsExactly(BREAK_OUT, SCRIPT, BREAK_OUT, "javascript:alert(1)", "<svg onload=alert(1)>",
                        "JaVaScRiPt:alert(1)", "\" onmouseover=\"alert(1)");
        assertThat(page.select("section.facts-section dd").eachText()).contains(SCRIPT + ", javascript:alert(1)");
        assertThat(page.select("section.impact-section dd").eachText()).contains(
                "Scope <iframe src=\"javascript:alert(1)\"></iframe> " + BREAK_OUT,
                "Data loss " + SCRIPT + " vbscript:msgbox(1)");
        assertThat(page.select("dl.analysis dd").eachText()).containsExactly("Root cause <svg onload=alert(1)> "
                + BREAK_OUT, "Trigger " + SCRIPT + " data:text/html," + SCRIPT);
        assertThat(page.select("ul.factors li").eachText()).containsExactly("Factor " + SCRIPT, "Factor " + BREAK_OUT);
    }

    @Test
    void actionItemPayloadsAreShownAsTextAndScriptTrackerLinksAreDropped() {
        Document page = incident(HOSTILE);
        List<Element> rows = page.select("table#hs-action-items > tbody > tr");

        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).select("td").get(1).text()).isEqualTo("Action " + SCRIPT);
        assertThat(rows.get(0).select("td").get(4).text()).isEqualTo(BREAK_OUT);
        assertThat(rows.get(1).select("td").get(1).text()).isEqualTo("Action " + BREAK_OUT);
        assertThat(rows.get(1).select("td").get(4).text()).isEqualTo(SCRIPT);
        assertThat(page.select("table#hs-action-items a")).extracting(a -> a.attr("href"))
                .containsExactly("https://tracker.example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
    }

    @Test
    void onlyWebReferencesAreListedAndTheirTitlesAreText() {
        Document page = incident(HOSTILE);

        assertThat(page.select("section.references-section a")).singleElement().satisfies(a -> {
            assertThat(a.attr("href")).isEqualTo("https://example.com/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
            assertThat(a.text()).isEqualTo("Safe link with a hostile title " + SCRIPT);
        });
    }

    @Test
    void bodyRawHtmlIsShownAsText() {
        Element body = incident(HOSTILE).selectFirst("section.report-body");

        assertThat(body.text()).contains(SCRIPT, BREAK_OUT, "<a href=\"javascript:alert(1)\">a raw link</a>",
                "<b onclick=\"alert(1)\">bold</b>", "<div onmouseover=\"alert(1)\">",
                "<iframe src=\"javascript:alert(1)\"></iframe>", "<svg onload=alert(1)>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<base href=\"javascript:alert(1)//\">",
                "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
                "<form action=\"javascript:alert(1)\">");
        assertThat(body.select("code").eachText()).contains(SCRIPT);
    }

    @Test
    void bodyLinksWithScriptUrlsKeepTheirTextButLeadNowhere() {
        Element body = incident(HOSTILE).selectFirst("section.report-body");

        for (String text : List.of("plain", "mixed case", "colon entity", "pointy", "data", "data base64", "vbscript",
                "leading space", "reference", "cell", "a link", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
                "vbscript:msgbox(1)", "data:text/html,alert(1)")) {
            assertThat(body.select("a").stream().filter(a -> a.text().equals(text)).toList()).as(text)
                    .isNotEmpty().allSatisfy(a -> assertThat(a.attr("href")).isEqualTo("#"));
        }
        assertThat(body.text()).contains("tab entity", "newline entity");
        // Images with unsafe sources are replaced by their alt text: an <img src="#"> would fetch the page.
        // An image from another host becomes a link to it: showing it would fetch it for every reader.
        assertThat(body.select("img")).isEmpty();
        assertThat(body.select("a[href=https://example.com/x.png]")).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("alt \"><img src=x onerror=alert(1)>"));
        assertThat(body.select("a[title]")).extracting(a -> a.attr("title"))
                .contains("\" onmouseover=\"alert(1)", "\"><script>alert(1)</script>");
    }

    @Test
    void bodyHeadingsTablesAndFootnotesShowTheirPayloadsAsText() {
        Element body = incident(HOSTILE).selectFirst("section.report-body");

        assertThat(body.select("h2, h3").eachText()).contains("Heading " + SCRIPT, "Heading " + BREAK_OUT);
        assertThat(body.select("th").eachText()).contains("Column " + SCRIPT);
        assertThat(body.select("td").eachText()).contains(BREAK_OUT, "<svg onload=alert(1)>",
                "<a href=\"javascript:alert(1)\">cell</a>");
        assertThat(body.select(".footnotes li").text()).contains("Footnote " + SCRIPT, BREAK_OUT);
    }

    @Test
    void timelineWhysAndLessonsTakenFromTheBodyShowTheirPayloadsAsText() {
        Document page = incident(HOSTILE);

        assertThat(page.select("p.timeline-event").eachText())
                .containsExactly("Event " + SCRIPT, "Event " + BREAK_OUT + " t", "Resolved");
        assertThat(page.select("p.timeline-actor").eachText()).startsWith(BREAK_OUT, SCRIPT);
        assertThat(page.select("li.why .why-q").eachText()).containsExactly("Why " + SCRIPT + "?",
                "Why " + BREAK_OUT + "?");
        assertThat(page.select("section.lessons-section li").eachText()).containsExactly("Went well " + SCRIPT,
                "Went well " + BREAK_OUT, "To improve <svg onload=alert(1)>", "To improve x");
        assertThat(escaped.page("lessons/index.html").select("li").eachText())
                .anySatisfy(text -> assertThat(text).startsWith("Went well " + SCRIPT));
    }

    @Test
    void aSeedReportsPayloadsAreShownAsText() {
        Document page = incident(HOSTILE_SEED);
        Element body = page.selectFirst("section.report-body");

        assertThat(page.selectFirst("h1").text()).isEqualTo(SCRIPT + " seed report " + BREAK_OUT);
        assertThat(page.select("section.impact-section dd").eachText()).contains(SCRIPT + " " + BREAK_OUT);
        assertThat(page.select("p.timeline-event").eachText()).containsExactly(SCRIPT, BREAK_OUT);
        assertThat(body.select("li").eachText()).contains("影响范围: " + SCRIPT + " " + BREAK_OUT);
        assertThat(body.select("td").eachText()).contains(SCRIPT, BREAK_OUT);
        assertThat(page.select("table#hs-action-items a")).extracting(a -> a.attr("href"))
                .allSatisfy(href -> assertThat(href).startsWith("https://"));
    }

    @Test
    void actionPagesShowItemPayloadsAsTextAndDropScriptTrackerLinks() {
        Document actions = escaped.page("actions/index.html");

        assertThat(actions.select("table#actions td").eachText()).contains("Action " + SCRIPT, "Action " + BREAK_OUT,
                SCRIPT, BREAK_OUT);
        assertThat(actions.select("table#actions a")).extracting(a -> a.attr("href"))
                .noneMatch(XssTest::startsWithScriptScheme);
        assertThat(escaped.page("actions/owners/index.html").select("table#action-owners th a").eachText())
                .contains(SCRIPT, BREAK_OUT);
    }

    @Test
    void listPagesShowTitlesAsText() {
        assertThat(escaped.page("index.html").select("section.latest a").eachText()).anySatisfy(t ->
                assertThat(t).contains(SCRIPT, BREAK_OUT));
        assertThat(escaped.page("incidents/index.html").select("table#incidents td").eachText()).anySatisfy(t ->
                assertThat(t).contains(SCRIPT, BREAK_OUT));
        assertThat(escaped.page("services/index.html").select("ul.term-list a").eachText())
                .contains(SCRIPT, BREAK_OUT, "javascript:alert(1)");
    }
}
