package dev.hindsight.site;

import dev.hindsight.search.IncidentIndex;
import dev.hindsight.search.StaticSearchExport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls each built site from its home page the way a reader clicking around would (every relative
 * {@code <a href>}, {@code <link href>}, {@code <script src>} and {@code <img src>}) and checks that
 * nothing is broken: every target file exists, every {@code #fragment} names an element of the target
 * page, no link depends on being published at the server root, and no page is an orphan.
 */
class LinkCheckTest {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "mailto");

    @TempDir
    static Path temp;

    private static final Map<String, Crawl> crawls = new HashMap<>();

    @BeforeAll
    static void buildAndCrawl() {
        BuiltSite english = BuiltSite.sample(temp.resolve("english"));
        BuiltSite chinese = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("chinese"), new SiteSettings("复盘",
                Locale.SIMPLIFIED_CHINESE, BuiltSite.AS_OF, BuiltSite.ZONE, null, null, false, null));
        BuiltSite hostile = BuiltSite.build(XssTest.REPORTS, temp.resolve("hostile"), BuiltSite.settings());
        for (Map.Entry<String, BuiltSite> site : Map.of("english", english, "chinese", chinese, "hostile", hostile)
                .entrySet()) {
            assertThat(site.getValue().result().site().written()).as(site.getKey()).isTrue();
            crawls.put(site.getKey(), Crawl.from(site.getValue().root()));
        }
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void noInternalLinkIsBroken(String site) {
        assertThat(crawls.get(site).brokenLinks).isEmpty();
        assertThat(crawls.get(site).linksFollowed).isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void everyFragmentNamesAnElementOfItsTargetPage(String site) {
        assertThat(crawls.get(site).missingFragments).isEmpty();
        assertThat(crawls.get(site).fragmentsChecked).isGreaterThan(10);
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void noLinkStartsAtTheServerRootOrAtAnotherHost(String site) {
        assertThat(crawls.get(site).rootAbsoluteLinks).isEmpty();
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void externalLinksAreWebOrMailLinksOnly(String site) {
        assertThat(crawls.get(site).externalSchemes).isSubsetOf(WEB_SCHEMES);
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void everyPageReachedHasATitleAndExactlyOneMainHeading(String site) {
        Crawl crawl = crawls.get(site);
        assertThat(crawl.pagesReached).isNotEmpty().allSatisfy(page -> {
            Document document = BuiltSite.parse(crawl.root.resolve(page));
            assertThat(document.title()).as(page).isNotBlank();
            assertThat(document.select("h1")).as(page).hasSize(1);
        });
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void noPageRepeatsAnElementId(String site) {
        Crawl crawl = crawls.get(site);
        assertThat(BuiltSite.files(crawl.root).keySet()).filteredOn(p -> p.endsWith(".html")).allSatisfy(page -> {
            List<String> ids = BuiltSite.parse(crawl.root.resolve(page)).select("[id]").eachAttr("id");
            assertThat(ids).as(page).doesNotHaveDuplicates();
        });
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void theTableOfContentsLeadsToTheReportsOwnHeadingsInOrder(String site) {
        Crawl crawl = crawls.get(site);
        assertThat(crawl.pagesReached).filteredOn(p -> p.matches("incidents/[^/]+/index\\.html")).allSatisfy(page -> {
            Document document = BuiltSite.parse(crawl.root.resolve(page));
            List<Element> headings = new ArrayList<>();
            for (Element entry : document.select("nav.toc a[href^=#]:not([href^=#hs-])")) {
                Element heading = document.getElementById(entry.attr("href").substring(1));
                assertThat(heading).as(page + " " + entry.attr("href")).isNotNull();
                assertThat(heading.parent().hasClass("report-body")).as(page + " " + entry.attr("href")).isTrue();
                assertThat(heading.tagName()).isIn("h2", "h3");
                headings.add(heading);
            }
            assertThat(headings).extracting(Element::siblingIndex).isSorted();
        });
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void everyFileOfTheSiteIsReachableFromTheHomePage(String site) {
        Crawl crawl = crawls.get(site);
        Set<String> files = new TreeSet<>(BuiltSite.files(crawl.root).keySet());
        files.remove(OutputDirectory.MARKER);
        files.remove(SitePaths.NOT_FOUND);
        // The Lucene index is read by programs (hindsight search), never linked from a page.
        files.removeIf(f -> f.startsWith(IncidentIndex.SITE_DIRECTORY));
        // The browser search engine loads its data by script, as queries need it.
        files.removeIf(StaticSearchExport::loadedOnDemand);

        assertThat(crawl.filesReached).containsAll(files);
    }

    @ParameterizedTest(name = "{0} site")
    @ValueSource(strings = {"english", "chinese", "hostile"})
    void theNotFoundPageLinksWorkFromTheSiteRoot(String site) {
        Crawl crawl = crawls.get(site);
        Crawl fromNotFound = Crawl.from(crawl.root, SitePaths.NOT_FOUND, false);

        assertThat(fromNotFound.brokenLinks).isEmpty();
        assertThat(fromNotFound.rootAbsoluteLinks).isEmpty();
        assertThat(fromNotFound.linksFollowed).isPositive();
    }

    /** What one crawl found; the lists hold "page: link (why)" lines so a failure names the culprit. */
    private static final class Crawl {
        final Path root;
        final Set<String> pagesReached = new LinkedHashSet<>();
        final Set<String> filesReached = new TreeSet<>();
        final Set<String> externalSchemes = new TreeSet<>();
        final List<String> brokenLinks = new ArrayList<>();
        final List<String> missingFragments = new ArrayList<>();
        final List<String> rootAbsoluteLinks = new ArrayList<>();
        int linksFollowed;
        int fragmentsChecked;
        private final Map<String, Set<String>> idsByPage = new HashMap<>();

        private Crawl(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        static Crawl from(Path root) {
            return from(root, SitePaths.HOME, true);
        }

        /** Crawls from {@code start}; with {@code follow} false only {@code start}'s own links are checked. */
        static Crawl from(Path root, String start, boolean follow) {
            Crawl crawl = new Crawl(root);
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            crawl.pagesReached.add(start);
            crawl.filesReached.add(start);
            while (!queue.isEmpty()) {
                String page = queue.poll();
                for (String next : crawl.visit(page)) {
                    if (follow && crawl.pagesReached.add(next)) {
                        queue.add(next);
                    }
                }
            }
            return crawl;
        }

        /** Checks the links of one page and returns the pages they lead to. */
        private List<String> visit(String page) {
            Document document = BuiltSite.parse(root.resolve(page));
            List<String> targets = new ArrayList<>();
            for (Element element : document.select("a[href], link[href], script[src], img[src]")) {
                String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                String target = check(page, document, link.strip());
                if (target != null && target.endsWith(".html")) {
                    targets.add(target);
                }
            }
            return targets;
        }

        /** The site path a link leads to, {@code null} when it leaves the site or is broken. */
        private String check(String page, Document document, String link) {
            String where = page + ": " + link;
            if (link.startsWith("/") || link.startsWith("\\")) {
                rootAbsoluteLinks.add(where);
                return null;
            }
            var scheme = SCHEME.matcher(link);
            if (scheme.find()) {
                externalSchemes.add(scheme.group().replace(":", "").toLowerCase(Locale.ROOT));
                return null;
            }
            linksFollowed++;
            int hash = link.indexOf('#');
            String fragment = hash < 0 ? null : decode(link.substring(hash + 1));
            String pathPart = hash < 0 ? link : link.substring(0, hash);
            int query = pathPart.indexOf('?');
            pathPart = query < 0 ? pathPart : pathPart.substring(0, query);
            String target = page;
            if (!pathPart.isEmpty()) {
                Path file = root.resolve(page).getParent().resolve(decode(pathPart)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    brokenLinks.add(where + " (no file " + file + ")");
                    return null;
                }
                target = root.relativize(file).toString().replace('\\', '/');
                filesReached.add(target);
            }
            if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")) {
                fragmentsChecked++;
                Set<String> ids = target.equals(page) ? ids(target, document) : ids(target, null);
                if (!ids.contains(fragment)) {
                    missingFragments.add(where + " (no id '" + fragment + "' in " + target + ")");
                }
            }
            return target;
        }

        private Set<String> ids(String page, Document parsed) {
            return idsByPage.computeIfAbsent(page, p -> new TreeSet<>(
                    (parsed != null ? parsed : BuiltSite.parse(root.resolve(p))).select("[id]").eachAttr("id")));
        }

        private static String decode(String text) {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
