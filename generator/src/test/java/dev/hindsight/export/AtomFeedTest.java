package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** feed.xml: RFC 4287's required elements, ids, dates derived from the reports, escaping and determinism. */
class AtomFeedTest {
    private static final Path FEED_REPORTS = Path.of("src/test/resources/reports/feed");
    private static final Path XSS_REPORTS = Path.of("src/test/resources/reports/xss");
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final List<ExportContext> CONTEXTS =
            List.of(SampleKnowledgeBase.ENGLISH, SampleKnowledgeBase.CHINESE_WITH_BASE_URL);

    @Test
    void theFeedHasExactlyOneIdTitleUpdatedAnAuthorAndItsLinks() {
        for (ExportContext context : CONTEXTS) {
            Element feed = parse(new AtomFeed().render(SampleKnowledgeBase.load(), context));

            assertThat(feed.getLocalName()).isEqualTo("feed");
            assertThat(feed.getNamespaceURI()).isEqualTo(AtomFeed.NAMESPACE);
            assertThat(children(feed, "id")).hasSize(1);
            assertThat(URI.create(text(feed, "id")).isAbsolute()).as(text(feed, "id")).isTrue();
            assertThat(children(feed, "title")).hasSize(1);
            assertThat(text(feed, "title")).isEqualTo("Post-mortems");
            assertThat(children(feed, "updated")).hasSize(1);
            assertThat(children(feed, "author")).hasSize(1);
            assertThat(text(children(feed, "author").get(0), "name")).isEqualTo("Post-mortems");
            assertThat(links(feed)).containsOnlyKeys("alternate", "self");
            assertThat(children(feed, "generator")).hasSize(1);
        }
    }

    @Test
    void everyEntryHasOneIdTitleUpdatedPublishedAndAnAlternateLink() {
        for (ExportContext context : CONTEXTS) {
            KnowledgeBase kb = SampleKnowledgeBase.load();
            List<Element> entries = children(parse(new AtomFeed().render(kb, context)), "entry");

            assertThat(entries).hasSize(kb.incidents().size());
            for (Element entry : entries) {
                for (String name : List.of("id", "title", "updated", "published")) {
                    assertThat(children(entry, name)).as(name).hasSize(1);
                }
                assertThat(links(entry)).containsOnlyKeys("alternate");
                assertThat(children(entry, "author")).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void entryIdsAreUniqueAbsoluteIrisWithOrWithoutABaseUrl() {
        for (ExportContext context : CONTEXTS) {
            List<String> ids = children(parse(new AtomFeed().render(SampleKnowledgeBase.load(), context)), "entry")
                    .stream().map(e -> text(e, "id")).toList();

            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(URI.create(id).isAbsolute()).isTrue());
        }
    }

    @Test
    void everyTimestampIsRfc3339() {
        Element feed = parse(new AtomFeed().render(SampleKnowledgeBase.load(), SampleKnowledgeBase.ENGLISH));
        List<String> stamps = new ArrayList<>();
        stamps.add(text(feed, "updated"));
        for (Element entry : children(feed, "entry")) {
            stamps.add(text(entry, "updated"));
            stamps.add(text(entry, "published"));
        }

        assertThat(stamps).allSatisfy(stamp -> {
            assertThat(stamp).matches(RFC_3339);
            assertThat(OffsetDateTime.parse(stamp, DateTimeFormatter.ISO_OFFSET_DATE_TIME)).isNotNull();
        });
    }

    @Test
    void entriesAreNewestFirstAsTheKnowledgeBaseOrdersThem() {
        KnowledgeBase kb = SampleKnowledgeBase.load();
        List<Element> entries = children(parse(new AtomFeed().render(kb, SampleKnowledgeBase.ENGLISH)), "entry");

        assertThat(entries).extracting(e -> text(e, "published")).containsExactlyElementsOf(kb.incidents().stream()
                .map(i -> AtomFeed.TIMESTAMP.format(i.times().started())).toList());
        List<OffsetDateTime> published = entries.stream().map(e -> OffsetDateTime.parse(text(e, "published"))).toList();
        for (int i = 1; i < published.size(); i++) {
            assertThat(published.get(i)).isBeforeOrEqualTo(published.get(i - 1));
        }
    }

    @Test
    void entryUpdatedIsTheLatestTimeTheReportRecords() {
        Element feed = parse(new AtomFeed().render(load(FEED_REPORTS), SampleKnowledgeBase.ENGLISH));
        Map<String, String> updated = new LinkedHashMap<>();
        for (Element entry : children(feed, "entry")) {
            updated.put(text(entry, "title").substring(0, "FEED-2026-03-01-001".length()), text(entry, "updated"));
        }

        assertThat(updated).containsExactly(
                // the updated key (2026-03-10 09:30) beats the completion date (2026-03-06) and resolved
                Map.entry("FEED-2026-03-01-001", "2026-03-10T09:30:00+08:00"),
                // the last completion date, a date, counts from midnight in the offset the incident started in
                Map.entry("FEED-2026-02-01-001", "2026-02-20T00:00:00+01:00"),
                // "updated: sometime next week" is not a date: resolved is the latest
                Map.entry("FEED-2026-01-01-001", "2026-01-01T09:15:00Z"),
                // a date-only updated key
                Map.entry("FEED-2025-12-01-001", "2025-12-15T00:00:00+08:00"));
        assertThat(text(feed, "updated")).isEqualTo("2026-03-10T09:30:00+08:00");
    }

    @Test
    void entriesCarryTheTitleWithItsIdTheSummaryCategoriesAndTheOwner() {
        KnowledgeBase kb = load(FEED_REPORTS);
        Incident search = incident(kb, "FEED-2026-02-01-001");
        Element feed = parse(new AtomFeed().render(kb, SampleKnowledgeBase.ENGLISH));
        Element entry = entry(feed, "FEED-2026-02-01-001");
        Element untitled = entry(feed, "FEED-2026-01-01-001");

        assertThat(text(entry, "title")).isEqualTo("FEED-2026-02-01-001: " + search.title());
        assertThat(text(entry, "summary")).isEqualTo(search.summary());
        assertThat(children(entry, "summary").get(0).getAttribute("type")).isEqualTo("text");
        // Severity, services and tags, each term once ("payments" is both a service and a tag).
        assertThat(children(entry, "category")).extracting(c -> c.getAttribute("term"))
                .containsExactly("P3", "search <b>&</b> index", "payments", "R&D");
        assertThat(text(children(entry, "author").get(0), "name")).isEqualTo(search.owner());
        // A title that starts with the id is not prefixed twice; a report without owner leaves it to the feed.
        assertThat(text(untitled, "title")).isEqualTo("FEED-2026-01-01-001 disk full on the build cache");
        assertThat(children(untitled, "author")).isEmpty();
        assertThat(children(untitled, "summary")).hasSize(1);
    }

    @Test
    void withoutABaseUrlLinksAreRelativeToTheSiteRootAndIdsAreNameBasedUuids() {
        Element feed = parse(new AtomFeed().render(load(FEED_REPORTS), SampleKnowledgeBase.ENGLISH));
        Element entry = entry(feed, "FEED-2026-03-01-001");

        assertThat(links(feed)).containsEntry("alternate", "index.html").containsEntry("self", "feed.xml");
        assertThat(links(entry)).containsEntry("alternate", "incidents/FEED-2026-03-01-001/index.html");
        UUID expected = UUID.nameUUIDFromBytes("hindsight/incident/FEED-2026-03-01-001"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(text(entry, "id")).isEqualTo("urn:uuid:" + expected);
        assertThat(expected.version()).isEqualTo(3);
        assertThat(text(feed, "id")).startsWith("urn:uuid:");
    }

    @Test
    void withABaseUrlLinksAndIdsAreAbsolute() {
        Element feed = parse(new AtomFeed().render(load(FEED_REPORTS), SampleKnowledgeBase.CHINESE_WITH_BASE_URL));
        Element entry = entry(feed, "FEED-2026-03-01-001");
        String base = "https://postmortems.example.com/ops/";

        assertThat(feed.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("zh-CN");
        assertThat(links(feed)).containsEntry("alternate", base + "index.html")
                .containsEntry("self", base + "feed.xml");
        assertThat(text(feed, "id")).isEqualTo(base + "feed.xml");
        assertThat(links(entry)).containsEntry("alternate", base + "incidents/FEED-2026-03-01-001/index.html");
        assertThat(text(entry, "id")).isEqualTo(base + "incidents/FEED-2026-03-01-001/index.html");
    }

    @Test
    void hostileReportTextStaysTextAndTheFeedWellFormed() {
        KnowledgeBase kb = load(XSS_REPORTS);
        byte[] bytes = new AtomFeed().render(kb, SampleKnowledgeBase.ENGLISH);
        Element feed = parse(bytes);
        Incident hostile = incident(kb, "XSS-2026-01-01-001");
        Element entry = entry(feed, "XSS-2026-01-01-001");

        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("<script>", "<img", "<svg");
        assertThat(text(entry, "title")).isEqualTo("XSS-2026-01-01-001: " + hostile.title());
        assertThat(text(entry, "summary")).isEqualTo(hostile.summary());
        assertThat(children(entry, "category")).extracting(c -> c.getAttribute("term")).contains(
                "<script>alert(1)</script>", "\" onmouseover=\"alert(1)");
    }

    @Test
    void charactersXmlForbidsAreDroppedAndTheRestEscaped() {
        byte[] bytes = new AtomFeed().render(ExportFixtures.forbiddenCharacters(), SampleKnowledgeBase.ENGLISH);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        Element entry = children(parse(bytes), "entry").get(0);
        String kept = "<script>alert(1)</script> & [31m   end";

        assertThat(raw.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        assertThat(raw).doesNotContain("\uFFFF", "\uFFFD").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
        assertThat(text(entry, "title")).isEqualTo(ExportFixtures.INCIDENT_ID + ": Title " + kept);
        assertThat(text(entry, "summary")).isEqualTo("Summary " + kept);
        assertThat(text(children(entry, "author").get(0), "name")).isEqualTo("owner " + kept);
        assertThat(children(entry, "category")).extracting(c -> c.getAttribute("term"))
                .containsExactly("P1", "service " + kept, "tag " + kept);
    }

    @Test
    void theSameReportsGiveTheSameBytes() {
        for (ExportContext context : CONTEXTS) {
            byte[] once = new AtomFeed().render(SampleKnowledgeBase.load(), context);

            assertThat(new AtomFeed().render(SampleKnowledgeBase.load(), context)).isEqualTo(once);
        }
    }

    @Test
    void anEmptyKnowledgeBaseGivesAValidFeedWithoutEntriesUpdatedAtTheAsOfDate() {
        KnowledgeBase empty = new KnowledgeBase(List.of(), SampleKnowledgeBase.AS_OF);
        Element feed = parse(new AtomFeed().render(empty, SampleKnowledgeBase.ENGLISH));

        assertThat(children(feed, "entry")).isEmpty();
        assertThat(children(feed, "id")).hasSize(1);
        assertThat(children(feed, "title")).hasSize(1);
        assertThat(text(feed, "updated")).isEqualTo("2026-11-25T00:00:00Z");
    }

    private static KnowledgeBase load(Path reports) {
        LoadResult result = new ReportLoader(SampleKnowledgeBase.LOAD).load(reports);
        assertThat(result.errorCount()).as(result.diagnostics().toString()).isZero();
        return new KnowledgeBase(result.incidents(), SampleKnowledgeBase.AS_OF);
    }

    private static Incident incident(KnowledgeBase kb, String id) {
        return kb.incidents().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** The entry whose title starts with the incident id. */
    private static Element entry(Element feed, String id) {
        return children(feed, "entry").stream().filter(e -> text(e, "title").startsWith(id)).findFirst()
                .orElseThrow();
    }

    /** Parses as a feed reader would: namespace-aware, no DTDs, any malformation fails the test. */
    static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(xml));
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The direct children in the Atom namespace with this local name. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && AtomFeed.NAMESPACE.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The text of the one child with this name. */
    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0).getTextContent();
    }

    /** The element's links, rel → href; a rel appearing twice fails. */
    static Map<String, String> links(Element parent) {
        Map<String, String> links = new LinkedHashMap<>();
        Set<String> rels = new HashSet<>();
        for (Element link : children(parent, "link")) {
            String rel = link.getAttribute("rel").isEmpty() ? "alternate" : link.getAttribute("rel");
            assertThat(rels.add(rel)).as("one link rel=" + rel).isTrue();
            links.put(rel, link.getAttribute("href"));
        }
        return links;
    }
}
