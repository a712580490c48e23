package dev.hindsight.site;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.load.ReportLoader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page as built: the home page's box and the navigation lead to it, it loads the engine and
 * this build's data (by a version that changes with the data), offers the sample's severities, years and
 * services as filters, says what to do without JavaScript, and says so when a build has no search data.
 */
class SearchPageTest {
    @TempDir
    static Path temp;

    private static BuiltSite site;
    private static BuiltSite chinese;
    private static Document page;

    @BeforeAll
    static void build() {
        site = BuiltSite.sample(temp.resolve("english"));
        chinese = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("chinese"), new SiteSettings("复盘",
                Locale.SIMPLIFIED_CHINESE, BuiltSite.AS_OF, BuiltSite.ZONE, null, null, false, null));
        page = site.page(SitePaths.SEARCH);
    }

    @Test
    void theHomeSearchBoxSubmitsItsWordsToTheSearchPage() {
        Element form = site.page(SitePaths.HOME).selectFirst("form.search-box");

        assertThat(form.attr("action")).isEqualTo(SitePaths.SEARCH);
        assertThat(form.select("input[name=q]")).hasSize(1);
    }

    @Test
    void everyPageLinksToTheSearchPageAndItIsMarkedThere() {
        assertThat(site.page("incidents/index.html").select("nav.site-nav a[href=../search/index.html]"))
                .extracting(Element::text).containsExactly("Search");
        assertThat(page.select("nav.site-nav a[aria-current=page]")).extracting(Element::text)
                .containsExactly("Search");
        assertThat(page.select("h1")).extracting(Element::text).containsExactly("Search");
    }

    @Test
    void theSearchPageLoadsTheEngineAndThisBuildsData() throws IOException {
        Element root = page.getElementById("hs-search");
        String engine = page.select("script[src*=assets/search.]").attr("src");
        byte[] meta = Files.readAllBytes(site.root().resolve(SitePaths.SEARCH_DATA));

        assertThat(engine).matches("\\.\\./assets/search\\.[0-9a-f]{10}\\.js");
        assertThat(site.root().resolve("search").resolve(engine)).isRegularFile();
        assertThat(root.attr("data-meta")).isEqualTo("meta.js?v=" + Assets.hash(meta));
        assertThat(root.attr("data-root")).isEqualTo("../");
        assertThat(root.select("form.search-form input#hs-q[name=q]")).hasSize(1);
        assertThat(root.select("ol#hs-results")).hasSize(1);
    }

    @Test
    void withoutJavaScriptTheSearchPageLeadsToTheIncidentsTable() {
        Element note = page.selectFirst("noscript");

        assertThat(note).isNotNull();
        assertThat(note.html()).contains("needs JavaScript").contains("href=\"../incidents/index.html\"");
        // Filters only work with the engine, which shows them.
        assertThat(page.selectFirst(".search-filters").hasAttr("hidden")).isTrue();
    }

    @Test
    void theFiltersOfferTheSamplesSeveritiesYearsAndServicesByName() {
        KnowledgeBase kb = new KnowledgeBase(new ReportLoader(BuiltSite.LOAD).load(BuiltSite.SAMPLE).incidents(),
                BuiltSite.AS_OF);

        assertThat(options("severity")).containsExactlyElementsOf(names(kb, TaxonomyKind.SEVERITIES));
        assertThat(options("year")).containsExactlyElementsOf(names(kb, TaxonomyKind.YEARS));
        assertThat(options("service")).containsExactlyElementsOf(names(kb, TaxonomyKind.SERVICES));
    }

    @Test
    void theChineseSearchPageIsInChinese() {
        Document zh = chinese.page(SitePaths.SEARCH);

        assertThat(zh.selectFirst("h1").text()).isEqualTo("搜索");
        assertThat(zh.getElementById("hs-search").attr("data-text-count")).isEqualTo("找到 {count} 起故障");
        assertThat(zh.selectFirst("noscript").html()).contains("浏览全部故障");
    }

    @Test
    void aSiteBuiltWithoutSearchDataSaysSearchIsUnavailable() {
        KnowledgeBase kb = new KnowledgeBase(new ReportLoader(BuiltSite.LOAD).load(BuiltSite.SAMPLE).incidents(),
                BuiltSite.AS_OF);
        Path out = temp.resolve("no-search-data");
        SiteResult result = new SiteBuilder(BuiltSite.settings()).build(kb, BuiltSite.SAMPLE, out);

        Document bare = BuiltSite.parse(out.resolve(SitePaths.SEARCH));
        assertThat(result.written()).isTrue();
        assertThat(bare.getElementById("hs-search").hasAttr("data-meta")).isFalse();
        assertThat(bare.select("main .search-note").text()).contains("without a search index");
        assertThat(bare.select("main .search-note a").attr("href")).isEqualTo("../incidents/index.html");
    }

    private static List<String> options(String filter) {
        return page.select(".search-filters select[name=" + filter + "] option").stream()
                .map(o -> o.attr("value")).filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> names(KnowledgeBase kb, TaxonomyKind kind) {
        List<String> names = kb.taxonomy(kind).terms().stream().map(TaxonomyTerm::name).toList();
        assertThat(names).isNotEmpty();
        return names;
    }
}
