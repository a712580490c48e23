package dev.hindsight.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics pages of the six fixture reports in {@code reports/metrics} as of 2026-03-31: every table
 * holds the figures worked out by hand in {@code IncidentMetricsTest}, formatted for the page's language;
 * every chart is named, summarised and backed by its table; the year and service views link to each other.
 */
class MetricsPagesTest {
    private static final Path FIXTURE = Path.of("src/test/resources/reports/metrics");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final List<String> CHARTS = List.of("per-month", "detect", "mitigate", "resolve", "services",
            "tags", "factors", "budget", "completion", "burn-down");

    @TempDir
    static Path english;
    @TempDir
    static Path chinese;
    @TempDir
    static Path emptyOut;

    private static BuiltSite site;
    private static BuiltSite chineseSite;
    private static Document metrics;

    @BeforeAll
    static void build() {
        site = BuiltSite.build(FIXTURE, english, SiteSettings.defaults(AS_OF, BuiltSite.ZONE));
        chineseSite = BuiltSite.build(FIXTURE, chinese, new SiteSettings("复盘知识库", Locale.SIMPLIFIED_CHINESE,
                AS_OF, BuiltSite.ZONE, null, null, false, null));
        assertThat(site.result().site().written()).isTrue();
        assertThat(chineseSite.result().site().written()).isTrue();
        metrics = site.page(SitePaths.METRICS);
    }

    private static List<List<String>> table(Document page, String chart) {
        return page.select("table#" + chart + "-data tbody tr").stream()
                .map(tr -> tr.select("td").eachText()).toList();
    }

    private static String summary(Document page, String chart) {
        return page.selectFirst("section#" + chart + " figcaption").text();
    }

    private static String note(Document page, String chart) {
        return page.selectFirst("section#" + chart + " .chart-note").text();
    }

    @Test
    void everyChartHasAHeadingAnAccessibleSvgASummaryAndItsTable() {
        assertThat(metrics.select("section.chart-section").eachAttr("id")).containsExactlyElementsOf(CHARTS);
        for (String chart : CHARTS) {
            Element section = metrics.selectFirst("section#" + chart);
            Element svg = section.selectFirst("figure svg");
            assertThat(svg).as(chart).isNotNull();
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(section.selectFirst("title#" + svg.attr("aria-labelledby")).text()).as(chart).isNotBlank();
            assertThat(section.selectFirst("desc#" + svg.attr("aria-describedby")).text()).as(chart)
                    .isEqualTo(section.selectFirst("figcaption").text());
            assertThat(section.select("table.data-table tbody tr")).as(chart).isNotEmpty();
        }
        assertThat(metrics.select("svg title[id]").eachAttr("id")).doesNotHaveDuplicates();
        assertThat(metrics.select("nav.site-nav a[aria-current=page]").text()).isEqualTo("Metrics");
    }

    @Test
    void incidentsPerMonthAreCountedBySeverityWithEveryMonthListed() {
        List<List<String>> rows = table(metrics, "per-month");

        assertThat(metrics.select("table#per-month-data thead th").eachText())
                .containsExactly("Month", "P0", "P1", "P2", "P3", "P4", "Total");
        assertThat(rows).hasSize(15);
        assertThat(rows.get(0)).containsExactly("2025-01", "0", "1", "0", "0", "0", "1");
        assertThat(rows.get(1)).containsExactly("2025-02", "0", "1", "1", "0", "0", "2");
        assertThat(rows.get(2)).containsExactly("2025-03", "0", "0", "0", "0", "0", "0");
        assertThat(rows.get(3)).containsExactly("2025-04", "0", "1", "0", "0", "0", "1");
        assertThat(rows.get(12)).containsExactly("2026-01", "0", "0", "0", "1", "0", "1");
        assertThat(rows.get(14)).containsExactly("2026-03", "0", "0", "1", "0", "0", "1");
        assertThat(summary(metrics, "per-month"))
                .isEqualTo("6 incidents from 2025-01 to 2026-03; the busiest month was 2025-02 with 2.");
        Element february = metrics.selectFirst("section#per-month svg g[data-category=2025-02]");
        assertThat(february.attr("data-total")).isEqualTo("2");
        assertThat(february.select("rect").eachAttr("data-series")).containsExactly("P1", "P2");
        assertThat(february.selectFirst("title").text()).isEqualTo("2025-02: 1 P1, 1 P2");
    }

    @Test
    void responseTimesShowMedianAndNinetiethPercentilePerQuarterAndSeverity() {
        assertThat(table(metrics, "resolve")).containsExactly(
                List.of("2025-Q1", "P1", "2", "1 h 45 min", "2 h 0 min"),
                List.of("2025-Q1", "P2", "1", "6 h 0 min", "6 h 0 min"),
                List.of("2025-Q1", "All", "3", "2 h 0 min", "6 h 0 min"),
                List.of("2026-Q1", "P2", "1", "55 min", "55 min"),
                List.of("2026-Q1", "P3", "1", "1 h 45 min", "1 h 45 min"),
                List.of("2026-Q1", "All", "2", "1 h 20 min", "1 h 45 min"));
        assertThat(summary(metrics, "resolve")).startsWith("TTR median fell from 2 h 0 min to 1 h 20 min (2025-Q1 to 2026-Q1");
        assertThat(table(metrics, "detect")).contains(List.of("2025-Q1", "All", "3", "20 min", "30 min"));
        assertThat(summary(metrics, "detect")).startsWith("TTD median fell from 20 min to 15 min");
        assertThat(table(metrics, "mitigate")).contains(List.of("2026-Q1", "All", "2", "35 min", "45 min"));
        assertThat(summary(metrics, "mitigate")).startsWith("TTM median fell from 50 min to 35 min");
    }

    @Test
    void incidentsWithoutATimeAreLeftOutAndCountedInANote() {
        assertThat(note(metrics, "detect"))
                .isEqualTo("One incident has no detection time and is left out of these figures.");
        assertThat(note(metrics, "mitigate"))
                .isEqualTo("One incident has no mitigation time and is left out of these figures.");
        assertThat(note(metrics, "resolve"))
                .isEqualTo("One incident has no resolution time and is left out of these figures.");
        assertThat(note(metrics, "budget")).isEqualTo("2 incidents do not report the error budget consumed.");
    }

    @Test
    void theMedianLinesHaveOnePointPerQuarterWithATimeAndTheAllSeveritiesLine() {
        Element svg = metrics.selectFirst("section#resolve svg");

        assertThat(svg.select("g.chart-series").eachAttr("data-series")).containsExactly("P1", "P2", "P3", "All");
        // Minutes (the largest median, 360, is charted in hours).
        assertThat(svg.select("g.chart-series[data-series=All] circle").eachAttr("data-value"))
                .containsExactly("2", "1.3");
        assertThat(svg.select("g.chart-series[data-series=P1] circle").eachAttr("data-category"))
                .containsExactly("2025-Q1");
        assertThat(metrics.select("section#resolve .chart-legend li").eachText())
                .containsExactly("P1", "P2", "P3", "All");
    }

    @Test
    void topListsLinkServicesAndTagsToTheirPages() throws Exception {
        assertThat(table(metrics, "services")).containsExactly(List.of("API", "4"), List.of("db", "2"),
                List.of("cache", "1"));
        assertThat(table(metrics, "tags")).containsExactly(List.of("deploy", "3"), List.of("capacity", "2"));
        assertThat(table(metrics, "factors")).containsExactly(List.of("alert too late", "3"),
                List.of("no canary", "2"), List.of("single replica", "1"));
        assertThat(summary(metrics, "services")).isEqualTo("API had the most incidents: 4.");
        for (Element link : metrics.select("table#services-data a, table#tags-data a")) {
            assertThat(site.root().resolve("metrics").resolve(link.attr("href")).normalize()).isRegularFile();
        }
        assertThat(metrics.select("table#factors-data a")).isEmpty();
    }

    @Test
    void errorBudgetIsListedPerIncidentWithItsTotalAndLargest() {
        assertThat(table(metrics, "budget")).extracting(row -> row.get(0) + " " + row.get(2))
                .containsExactly("MET-1 20%", "MET-2 35.5%", "MET-4 10%", "MET-6 5%");
        assertThat(summary(metrics, "budget"))
                .isEqualTo("4 incidents consumed 70.5% of error budget in total; the most was MET-2 with 35.5%.");
        assertThat(metrics.select("section#budget svg g[data-name]").eachAttr("data-value"))
                .containsExactly("20", "35.5", "10", "5");
    }

    @Test
    void actionCompletionByQuarterAndTheBurnDownFollowTheTracker() {
        assertThat(table(metrics, "completion")).containsExactly(List.of("2025-Q1", "3", "2", "66.7%"),
                List.of("2025-Q2", "2", "0", "0.0%"), List.of("2026-Q1", "1", "1", "100.0%"));
        assertThat(summary(metrics, "completion"))
                .isEqualTo("Action items of 2025-Q1: 66.7% completed; of 2026-Q1: 100.0% completed.");
        assertThat(table(metrics, "burn-down")).extracting(row -> row.get(1))
                .containsExactly("1", "1", "1", "2", "2", "2", "2", "2", "2", "2", "2", "2", "3", "2", "2");
    }

    @Test
    void eachYearAndServiceHasAViewAndTheViewsLinkToEachOther() {
        assertThat(site.root().resolve(SitePaths.metricsOfYear(2025))).isRegularFile();
        assertThat(site.root().resolve(SitePaths.metricsOfYear(2026))).isRegularFile();
        for (String service : List.of("api", "cache", "db")) {
            assertThat(site.root().resolve(SitePaths.metricsOfService(service))).isRegularFile();
        }
        Document year = site.page(SitePaths.metricsOfYear(2025));
        assertThat(year.selectFirst("h1").text()).isEqualTo("Metrics of 2025");
        assertThat(year.select("nav.metrics-scopes a[aria-current=page]").eachText()).containsExactly("2025");
        assertThat(table(year, "per-month")).hasSize(12);
        assertThat(table(year, "services")).containsExactly(List.of("api", "3"), List.of("db", "2"));
        for (Element link : year.select("nav.metrics-scopes a")) {
            assertThat(site.root().resolve("metrics/2025").resolve(link.attr("href")).normalize()).isRegularFile();
        }

        Document db = site.page(SitePaths.metricsOfService("db"));
        assertThat(db.selectFirst("h1").text()).isEqualTo("Metrics of db");
        assertThat(table(db, "resolve")).contains(List.of("2025-Q1", "All", "2", "3 h 45 min", "6 h 0 min"));
        assertThat(db.selectFirst("p.page-lead").text()).startsWith("Incidents that affected db: 2 incidents.");
    }

    @Test
    void theChinesePageWordsItsFiguresInChinese() {
        Document page = chineseSite.page(SitePaths.METRICS);

        assertThat(page.selectFirst("h1").text()).isEqualTo("指标");
        assertThat(summary(page, "resolve")).startsWith("TTR 中位数从 2 小时 0 分钟 降至 1 小时 20 分钟");
        assertThat(note(page, "resolve")).isEqualTo("1 起故障没有恢复时间，未计入这些数字。");
        assertThat(table(page, "resolve").get(2)).containsExactly("2025-Q1", "全部", "3", "2 小时 0 分钟", "6 小时 0 分钟");
    }

    @Test
    void anEmptyKnowledgeBaseGetsAHelpfulEmptyStateAndNoCharts() throws Exception {
        Path source = Files.createDirectories(emptyOut.resolve("reports"));
        BuiltSite empty = BuiltSite.build(source, emptyOut.resolve("site"), SiteSettings.defaults(AS_OF, BuiltSite.ZONE));

        Document page = empty.page(SitePaths.METRICS);
        assertThat(page.select("svg")).isEmpty();
        assertThat(page.selectFirst("p.empty-state").text()).startsWith("There are no incidents to measure yet.");
        assertThat(empty.root().resolve("metrics/2026")).doesNotExist();
    }

    @Test
    void hostileNamesAreEscapedInChartsAndTables() {
        // The XSS fixture's reports carry markup in services, tags and factors; the checks of XssTest cover
        // every page, this one looks at the charts' own markup.
        BuiltSite hostile = BuiltSite.build(Path.of("src/test/resources/reports/xss"), english.resolve("xss"),
                SiteSettings.defaults(AS_OF, BuiltSite.ZONE));
        Document page = hostile.page(SitePaths.METRICS);
        assertThat(page.select("svg script, svg foreignObject, svg [onload], svg [onclick]")).isEmpty();
        assertThat(page.select("main script, main img")).isEmpty();
        assertThat(page.select("section#services svg g[data-name]").eachAttr("data-name"))
                .contains("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>");
        assertThat(page.select("section#factors svg g[data-name]").eachAttr("data-name"))
                .contains("Factor <script>alert(1)</script>");
        // Long names are cut short on the chart (the tooltip and the table give them whole).
        assertThat(page.select("section#factors svg text.bar-label").eachText())
                .contains("Factor <script>alert(1)</…");
    }
}
