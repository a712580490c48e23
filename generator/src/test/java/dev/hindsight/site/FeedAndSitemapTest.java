package dev.hindsight.site;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed, the sitemap and robots.txt as a built site holds them: every URL they give leads to a page
 * the build wrote, the sitemap lists exactly those pages, and every page's head finds the feed.
 */
class FeedAndSitemapTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String BASE_URL = "https://postmortems.example.com/ops/";

    @TempDir
    static Path temp;

    private static BuiltSite withBaseUrl;
    private static BuiltSite withoutBaseUrl;

    @BeforeAll
    static void build() {
        SiteSettings defaults = BuiltSite.settings();
        withBaseUrl = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("with-base-url"), new SiteSettings(
                defaults.title(), defaults.locale(), defaults.asOf(), defaults.zone(), BASE_URL, null, false, null));
        withoutBaseUrl = BuiltSite.sample(temp.resolve("without-base-url"));
        assertThat(withBaseUrl.result().site().written()).isTrue();
        assertThat(withoutBaseUrl.result().site().written()).isTrue();
    }

    @Test
    void everyFeedEntryLinksToAPageTheBuildWrote() {
        List<Element> entries = elements(parse(withBaseUrl.root().resolve("feed.xml")), ATOM, "entry");

        assertThat(entries).hasSize((int) withBaseUrl.pages().stream()
                .filter(p -> p.matches("incidents/[^/]+/index\\.html")).count());
        for (Element entry : entries) {
            String href = ((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href");
            assertThat(href).startsWith(BASE_URL);
            assertThat(withBaseUrl.root().resolve(href.substring(BASE_URL.length()))).isRegularFile();
        }
    }

    @Test
    void theSitemapListsEveryPageButThe404OnceAsAnAbsoluteUrlUnderTheBaseUrl() {
        Document sitemap = parse(withBaseUrl.root().resolve(SitePaths.SITEMAP));
        List<String> locs = elements(sitemap, Sitemap.NAMESPACE, "loc").stream().map(Element::getTextContent)
                .toList();
        List<String> pages = new ArrayList<>();
        for (String loc : locs) {
            assertThat(loc).startsWith(BASE_URL);
            pages.add(page(loc));
        }

        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(locs).doesNotHaveDuplicates().isSorted();
        assertThat(pages).allSatisfy(p -> assertThat(withBaseUrl.root().resolve(p)).isRegularFile())
                .doesNotContain(SitePaths.NOT_FOUND)
                .containsExactlyInAnyOrderElementsOf(withBaseUrl.pages().stream()
                        .filter(p -> !p.equals(SitePaths.NOT_FOUND)).toList());
        assertThat(locs).contains(BASE_URL, BASE_URL + "incidents/");
    }

    @Test
    void incidentPagesInTheSitemapCarryTheirFeedEntrysUpdatedDate() {
        Map<String, String> feedDates = new LinkedHashMap<>();
        for (Element entry : elements(parse(withBaseUrl.root().resolve("feed.xml")), ATOM, "entry")) {
            String href = ((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href");
            String updated = entry.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent();
            feedDates.put(href.substring(BASE_URL.length()), updated.substring(0, "2026-11-25".length()));
        }
        Map<String, String> sitemapDates = new LinkedHashMap<>();
        for (Element url : elements(parse(withBaseUrl.root().resolve(SitePaths.SITEMAP)), Sitemap.NAMESPACE, "url")) {
            NodeList lastmod = url.getElementsByTagNameNS(Sitemap.NAMESPACE, "lastmod");
            if (lastmod.getLength() > 0) {
                sitemapDates.put(page(url.getElementsByTagNameNS(Sitemap.NAMESPACE, "loc").item(0).getTextContent()),
                        lastmod.item(0).getTextContent());
            }
        }

        assertThat(feedDates).isNotEmpty();
        assertThat(sitemapDates).containsExactlyInAnyOrderEntriesOf(feedDates);
    }

    @Test
    void robotsTxtPointsAtTheSitemapOnlyWhenThereIsOne() throws IOException {
        assertThat(Files.readString(withBaseUrl.root().resolve("robots.txt")))
                .isEqualTo("User-agent: *\nAllow: /\n\nSitemap: " + BASE_URL + "sitemap.xml\n");
        assertThat(withoutBaseUrl.root().resolve(SitePaths.SITEMAP)).doesNotExist();
        assertThat(Files.readString(withoutBaseUrl.root().resolve("robots.txt")))
                .isEqualTo("User-agent: *\nAllow: /\n").doesNotContain("Sitemap");
    }

    @Test
    void everyPagesFeedLinkResolvesToTheFeedFromWhereThePageIs() {
        for (String page : withoutBaseUrl.pages()) {
            String href = withoutBaseUrl.page(page).select("head link[rel=alternate][type=application/atom+xml]")
                    .attr("href");
            Path feed = withoutBaseUrl.root().resolve(page).getParent().resolve(href).normalize();

            assertThat(feed).as(page).isEqualTo(withoutBaseUrl.root().resolve("feed.xml").normalize())
                    .isRegularFile();
        }
        assertThat(withoutBaseUrl.page("incidents/INC-2025-10-05-001/index.html")
                .select("head link[type=application/atom+xml]").attr("href")).isEqualTo("../../feed.xml");
        // A server shows 404.html at any depth, so it links absolutely when it can.
        assertThat(withBaseUrl.page(SitePaths.NOT_FOUND).select("head link[type=application/atom+xml]").attr("href"))
                .isEqualTo(BASE_URL + "feed.xml");
    }

    /** A sitemap URL back to the site path of its page file (directory form names index.html). */
    private static String page(String loc) {
        String path = URLDecoder.decode(loc.substring(BASE_URL.length()), StandardCharsets.UTF_8);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
