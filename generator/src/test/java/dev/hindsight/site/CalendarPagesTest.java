package dev.hindsight.site;

import dev.hindsight.model.Incident;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The anniversaries page, the home page's "On this day" and the calendar, built from the anniversary
 * fixture reports (2022 to 2026, none in 2023) as of 15 June 2026: a page per year, one cell per day, the
 * week starting on the locale's first day, incidents on their start day, paging between years, the as-of
 * day marked; and an empty knowledge base, which gets empty states rather than a crash.
 */
class CalendarPagesTest {
    private static final Path REPORTS = Path.of("src/test/resources/reports/anniversaries");
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final List<Integer> YEARS = List.of(2022, 2023, 2024, 2025, 2026);

    @TempDir
    static Path temp;

    private static BuiltSite site;
    private static BuiltSite chineseSite;
    private static BuiltSite britishSite;
    private static BuiltSite emptySite;

    @BeforeAll
    static void build() throws Exception {
        site = BuiltSite.build(REPORTS, temp.resolve("en"), settings(Locale.ENGLISH, AS_OF));
        chineseSite = BuiltSite.build(REPORTS, temp.resolve("zh"), settings(Locale.SIMPLIFIED_CHINESE, AS_OF));
        britishSite = BuiltSite.build(REPORTS, temp.resolve("en-GB"), settings(Locale.UK, AS_OF));
        Path nothing = Files.createDirectory(temp.resolve("no-reports"));
        emptySite = BuiltSite.build(nothing, temp.resolve("empty"), settings(Locale.ENGLISH, AS_OF));
        for (BuiltSite built : List.of(site, chineseSite, britishSite, emptySite)) {
            assertThat(built.result().site().written()).isTrue();
        }
        assertThat(site.result().load().incidents()).hasSize(10);
    }

    private static SiteSettings settings(Locale locale, LocalDate asOf) {
        return new SiteSettings("Post-mortems", locale, asOf, BuiltSite.ZONE, null, null, false, null);
    }

    private static Document year(BuiltSite built, int year) {
        return built.page(SitePaths.calendarYear(year));
    }

    /** The cell of a day on its year's page. */
    private static Element cell(BuiltSite built, LocalDate date) {
        Element time = year(built, date.getYear()).selectFirst("table.calendar-grid td > time[datetime=" + date + "]");
        assertThat(time).as("the cell of %s", date).isNotNull();
        return time.parent();
    }

    /* ------------------------------------------------------------------------------ calendar */

    @Test
    void everyYearFromTheFirstIncidentToTheLastHasAPageOfTwelveMonths() {
        assertThat(site.pages()).filteredOn(p -> p.matches("calendar/\\d+/index\\.html"))
                .containsExactlyElementsOf(YEARS.stream().map(SitePaths::calendarYear).toList());
        for (int year : YEARS) {
            assertThat(year(site, year).select("table.calendar-grid > caption")).as("%d", year).extracting(Element::text)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 12)
                            .mapToObj(m -> YearMonth.of(year, m).getMonth().getDisplayName(
                                    java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + year).toList());
        }
        assertThat(year(site, 2023).selectFirst("p.page-lead").text()).isEqualTo("No incident started in 2023.");
        assertThat(year(site, 2023).select("td.calendar-busy")).isEmpty();
        assertThat(year(site, 2025).selectFirst("h1").text()).isEqualTo("Calendar 2025");
    }

    @Test
    void everyGridHasOneCellPerDayInWeeksOfSeven() {
        for (int year : YEARS) {
            Elements grids = year(site, year).select("table.calendar-grid");
            for (int month = 1; month <= 12; month++) {
                Element grid = grids.get(month - 1);
                YearMonth yearMonth = YearMonth.of(year, month);
                assertThat(grid.select("tbody td > time").eachAttr("datetime")).as("%s", yearMonth)
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, yearMonth.lengthOfMonth())
                                .mapToObj(d -> yearMonth.atDay(d).toString()).toList());
                assertThat(grid.select("tbody tr")).allSatisfy(row -> assertThat(row.select("td")).hasSize(7));
                assertThat(grid.select("thead th[scope=col]")).hasSize(7);
            }
        }
    }

    @Test
    void theWeekStartsOnTheFirstDayOfTheSitesLocale() {
        // June 2026 begins on a Monday: the second column where weeks begin on Sunday, the first where on Monday.
        LocalDate first = LocalDate.of(2026, 6, 1);

        assertThat(year(site, 2026).select("table.calendar-grid").first().select("thead th"))
                .extracting(th -> th.selectFirst("[aria-hidden]").text(), th -> th.selectFirst(".visually-hidden").text())
                .containsExactly(tuple("Sun", "Sunday"), tuple("Mon", "Monday"), tuple("Tue", "Tuesday"),
                        tuple("Wed", "Wednesday"), tuple("Thu", "Thursday"), tuple("Fri", "Friday"),
                        tuple("Sat", "Saturday"));
        assertThat(cell(site, first).elementSiblingIndex()).isEqualTo(1);
        assertThat(year(chineseSite, 2026).select("table.calendar-grid").first().select("thead th"))
                .extracting(th -> th.selectFirst("[aria-hidden]").text(), th -> th.selectFirst(".visually-hidden").text())
                .startsWith(tuple("周日", "星期日"), tuple("周一", "星期一"));
        assertThat(cell(chineseSite, first).elementSiblingIndex()).isEqualTo(1);
        assertThat(year(britishSite, 2026).select("table.calendar-grid").first().select("thead th [aria-hidden]"))
                .extracting(Element::text).startsWith("Mon").endsWith("Sun");
        assertThat(cell(britishSite, first).elementSiblingIndex()).isZero();
    }

    @Test
    void theChineseCalendarNamesItsMonthsInChinese() {
        Document page = year(chineseSite, 2026);

        assertThat(page.selectFirst("h1").text()).isEqualTo("2026 年故障日历");
        assertThat(page.select("table.calendar-grid > caption").eachText()).startsWith("2026年1月", "2026年2月")
                .endsWith("2026年12月");
        assertThat(page.select("p.calendar-count").get(5).text()).isEqualTo("1 起故障");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    }

    @Test
    void everyIncidentAppearsOnItsStartDayWithALinkToItsPage() {
        for (Incident incident : site.result().load().incidents()) {
            LocalDate day = incident.times().started().toLocalDate();
            Elements links = cell(site, day).select("ul.calendar-incidents a");
            String page = SitePaths.calendarYear(day.getYear());

            assertThat(links).as(incident.id()).hasSize(1);
            Element link = links.first();
            assertThat(link.attr("href")).isEqualTo("../../" + SitePaths.incident(incident.id()));
            assertThat(site.root().resolve(page).resolveSibling(link.attr("href")).normalize()).isRegularFile();
            assertThat(link.selectFirst(".badge.sev").text()).isEqualTo(incident.severity().name());
            assertThat(link.text()).contains(incident.id(), incident.title());
        }
        // Started at 23:30 at UTC-5, already the 15th in UTC: the calendar shows the day the team lived through.
        assertThat(cell(site, LocalDate.of(2025, 6, 14)).select("a").text()).contains("INC-2025-06-14-001");
        assertThat(cell(site, LocalDate.of(2025, 6, 15)).select("a").text()).doesNotContain("INC-2025-06-14-001");
    }

    @Test
    void eachMonthCountsAndListsItsIncidents() {
        Document page = year(site, 2025);

        assertThat(page.select("p.calendar-count").eachText()).containsExactly("one incident", "no incidents",
                "no incidents", "no incidents", "no incidents", "2 incidents", "2 incidents", "no incidents",
                "no incidents", "no incidents", "no incidents", "no incidents");
        assertThat(page.select(".calendar-month").get(5).select("ul.calendar-list a").eachText())
                .containsExactly("INC-2025-06-14-001: Nightly batch ran late in Chicago",
                        "INC-2025-06-15-001: Order service out of memory");
    }

    @Test
    void yearPagesLinkToTheYearBeforeAndAfterAndToEveryYear() {
        assertThat(year(site, 2022).select("nav.pager a")).extracting(a -> a.attr("rel"), a -> a.attr("href"))
                .containsExactly(tuple("next", "../../calendar/2023/index.html"));
        assertThat(year(site, 2023).select("nav.pager a")).extracting(a -> a.attr("rel"), a -> a.attr("href"))
                .containsExactly(tuple("prev", "../../calendar/2022/index.html"), tuple("next", "../../calendar/2024/index.html"));
        assertThat(year(site, 2026).select("nav.pager a")).extracting(a -> a.attr("rel"), a -> a.attr("href"))
                .containsExactly(tuple("prev", "../../calendar/2025/index.html"));
        Elements years = year(site, 2024).select("nav.calendar-years a");
        assertThat(years).extracting(Element::text).containsExactly("2022 · one incident", "2023 · no incidents",
                "2024 · 3 incidents", "2025 · 5 incidents", "2026 · one incident");
        assertThat(years.select("[aria-current]")).extracting(Element::text).containsExactly("2024 · 3 incidents");
    }

    @Test
    void theAsOfDayIsMarkedOnlyOnItsOwnYear() {
        assertThat(year(site, 2026).select("td[aria-current=date] > time")).extracting(t -> t.attr("datetime"))
                .containsExactly(AS_OF.toString());
        assertThat(year(site, 2025).select("[aria-current=date]")).isEmpty();
        assertThat(site.page(SitePaths.CALENDAR).select("td[aria-current=date] > time").eachAttr("datetime"))
                .containsExactly(AS_OF.toString());
    }

    @Test
    void theEntryPageShowsTheAsOfYearAndLinksToEveryYear() {
        Document page = site.page(SitePaths.CALENDAR);

        assertThat(page.selectFirst("h1").text()).isEqualTo("Calendar");
        assertThat(page.selectFirst("p.page-lead").text())
                .isEqualTo("This is 2026, the year of the as-of date. One incident started in 2026.");
        assertThat(page.select("table.calendar-grid > caption").first().text()).isEqualTo("January 2026");
        assertThat(page.select("nav.calendar-years a").eachAttr("href"))
                .containsExactlyElementsOf(YEARS.stream().map(y -> "../" + SitePaths.calendarYear(y)).toList());
        assertThat(page.select("nav.pager a")).extracting(a -> a.attr("href")).containsExactly("../calendar/2025/index.html");
        assertThat(page.select("ul.calendar-incidents a").eachAttr("href"))
                .containsExactly("../incidents/INC-2026-06-15-001/index.html");
    }

    @Test
    void theEntryPageShowsTheLatestYearWithIncidentsWhenTheAsOfYearHasNone() throws Exception {
        BuiltSite later = BuiltSite.build(REPORTS, temp.resolve("later"), settings(Locale.ENGLISH,
                LocalDate.of(2027, 3, 1)));
        Document page = later.page(SitePaths.CALENDAR);

        assertThat(page.selectFirst("p.page-lead").text()).isEqualTo("This is 2026, the latest year with incidents"
                + " (none started in 2027, the year of the as-of date). One incident started in 2026.");
        assertThat(page.select("nav.calendar-years a[aria-current]").eachText()).containsExactly("2026 · one incident");
        assertThat(later.pages()).doesNotContain(SitePaths.calendarYear(2027));
    }

    /* ------------------------------------------------------------------------- anniversaries */

    @Test
    void homeShowsTheIncidentsOfThisDayInEarlierYearsAndLinksToTheAnniversaries() {
        Element section = site.page(SitePaths.HOME).selectFirst("section.on-this-day");

        assertThat(section.selectFirst("h2").text()).isEqualTo("On this day");
        assertThat(section.select("li")).extracting(li -> li.selectFirst(".muted").text(),
                        li -> li.selectFirst(".anniversary-years").text(), li -> li.selectFirst("a").attr("href"))
                .containsExactly(
                        tuple("INC-2025-06-15-001", "one year ago", "incidents/INC-2025-06-15-001/index.html"),
                        tuple("INC-2024-06-15-001", "2 years ago", "incidents/INC-2024-06-15-001/index.html"));
        assertThat(section.select("li .badge.sev").eachText()).containsExactly("P1", "P2");
        assertThat(section.select("a").last().attr("href")).isEqualTo("anniversaries/index.html");
    }

    @Test
    void homeSaysSoWhenNothingHappenedOnThisDay() {
        BuiltSite quiet = BuiltSite.build(REPORTS, temp.resolve("quiet"), settings(Locale.ENGLISH,
                LocalDate.of(2026, 6, 16)));
        Element section = quiet.page(SitePaths.HOME).selectFirst("section.on-this-day");

        assertThat(section.select("li")).isEmpty();
        assertThat(section.selectFirst("p.muted").text()).isEqualTo("No incident started on this day in an earlier year.");
        assertThat(section.select("a").eachAttr("href")).containsExactly("anniversaries/index.html");
    }

    @Test
    void theAnniversariesPageListsTheNextThirtyDaysSoonestFirst() {
        Document page = site.page(SitePaths.ANNIVERSARIES);
        Elements rows = page.select("ol.anniversary-list > li");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Anniversaries");
        assertThat(page.selectFirst("p.page-lead").text())
                .isEqualTo("5 incidents have their anniversary between Jun 15, 2026 and Jul 15, 2026, the soonest first.");
        assertThat(rows).extracting(r -> r.selectFirst("time").attr("datetime"),
                        r -> r.selectFirst(".anniversary-years").text(), r -> r.selectFirst(".badge.sev").text(),
                        r -> r.selectFirst(".anniversary-what a").attr("href"))
                .containsExactly(
                        tuple("2026-06-15", "one year ago", "P1", "../incidents/INC-2025-06-15-001/index.html"),
                        tuple("2026-06-15", "2 years ago", "P2", "../incidents/INC-2024-06-15-001/index.html"),
                        tuple("2026-06-20", "2 years ago", "P1", "../incidents/INC-2024-06-20-001/index.html"),
                        tuple("2026-06-20", "4 years ago", "P3", "../incidents/INC-2022-06-20-001/index.html"),
                        tuple("2026-07-15", "one year ago", "P4", "../incidents/INC-2025-07-15-001/index.html"));
        assertThat(rows.get(0).selectFirst("time").text()).isEqualTo("Jun 15, 2026");
        assertThat(rows.get(0).selectFirst(".anniversary-summary").text())
                .isEqualTo("The order service ran out of memory after a cache size change and restarted in a loop.");
        assertThat(page.select("nav.site-nav a[aria-current]")).isEmpty();
    }

    @Test
    void theChineseAnniversariesAreInChinese() {
        Document page = chineseSite.page(SitePaths.ANNIVERSARIES);

        assertThat(page.selectFirst("h1").text()).isEqualTo("故障周年");
        assertThat(page.select(".anniversary-years").eachText()).containsExactly("1 年前", "2 年前", "2 年前", "4 年前",
                "1 年前");
        assertThat(chineseSite.page(SitePaths.HOME).selectFirst("section.on-this-day h2").text()).isEqualTo("历年今日");
    }

    @Test
    void theHomeCardsAndTheIncidentsPageLeadToBothPages() {
        assertThat(site.page(SitePaths.HOME).select("section.browse li.card a"))
                .extracting(a -> a.attr("href"), a -> a.selectFirst(".card-count").text())
                .contains(tuple("anniversaries/index.html", "5"), tuple("calendar/index.html", "5"));
        assertThat(site.page(SitePaths.INCIDENTS).select("p.no-js-browse a")).extracting(Element::text, a -> a.attr("href"))
                .contains(tuple("Anniversaries", "../anniversaries/index.html"), tuple("Calendar", "../calendar/index.html"));
        assertThat(site.page(SitePaths.HOME).select("nav.site-nav a").eachAttr("href"))
                .doesNotContain("anniversaries/index.html", "calendar/index.html");
    }

    /* ---------------------------------------------------------------------------------- empty */

    @Test
    void anEmptyKnowledgeBaseGetsEmptyStatesAndNoYearPages() {
        assertThat(emptySite.pages()).contains(SitePaths.CALENDAR, SitePaths.ANNIVERSARIES)
                .noneMatch(p -> p.matches("calendar/\\d+/index\\.html"));
        Document calendar = emptySite.page(SitePaths.CALENDAR);
        assertThat(calendar.selectFirst("p.empty-state").text()).startsWith("No incidents yet");
        assertThat(calendar.select("table, nav.pager, nav.calendar-years")).isEmpty();
        assertThat(emptySite.page(SitePaths.ANNIVERSARIES).selectFirst("p.empty-state").text())
                .startsWith("When an incident started on a day between Jun 15, 2026 and Jul 15, 2026 in an earlier year");
        assertThat(emptySite.page(SitePaths.HOME).selectFirst("section.on-this-day p.muted").text())
                .isEqualTo("No incident started on this day in an earlier year.");
        assertThat(emptySite.page(SitePaths.HOME).select("section.browse a[href=calendar/index.html] .card-count").text())
                .isEqualTo("0");
    }
}
