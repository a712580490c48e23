package dev.hindsight.site;

import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.Breakdown;
import dev.hindsight.kb.BurnDownPoint;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The action-tracking pages of the sample site: every figure is the tracker's, recomputed here from the
 * loaded reports with a knowledge base of the test's own, the lists are complete and in the tracker's
 * order, the burn-down is an accessible inline SVG whose points and table are the tracker's burn-down.
 */
class ActionPagesTest {
    private static final String SEED = "INC-2025-10-05-001";

    @TempDir
    static Path english;
    @TempDir
    static Path chinese;
    @TempDir
    static Path early;

    private static BuiltSite site;
    private static BuiltSite chineseSite;
    private static ActionTracker tracker;

    @BeforeAll
    static void build() {
        site = BuiltSite.sample(english);
        chineseSite = BuiltSite.build(BuiltSite.SAMPLE, chinese, new SiteSettings("复盘知识库", Locale.SIMPLIFIED_CHINESE,
                BuiltSite.AS_OF, BuiltSite.ZONE, null, null, false, null));
        assertThat(site.result().site().written()).isTrue();
        assertThat(chineseSite.result().site().written()).isTrue();
        tracker = new KnowledgeBase(site.result().load().incidents(), BuiltSite.AS_OF).tracker();
        assertThat(tracker.overdue()).as("overdue items in the sample").isNotEmpty();
    }

    private static String rate(double rate) {
        return ActionTracker.formatRate(rate) + "%";
    }

    private static List<String> ids(List<TrackedItem> items) {
        return items.stream().map(t -> t.item().qualifiedId()).toList();
    }

    private static List<String> firstColumn(Document page, String tableId) {
        return page.select("table#" + tableId + " > tbody > tr > td:first-child").eachText();
    }

    /** A counts table's rows as (group, total, open, overdue, completed, rate). */
    private static List<List<String>> counts(Document page, String tableId) {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : page.select("table#" + tableId + " > tbody > tr")) {
            List<String> cells = new ArrayList<>();
            cells.add(row.selectFirst("th").text());
            row.select("td").forEach(td -> cells.add(td.selectFirst(".rate-text") != null
                    ? td.selectFirst(".rate-text").text() : td.text()));
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> expected(String group, Breakdown b) {
        return List.of(group, String.valueOf(b.total()), String.valueOf(b.open()), String.valueOf(b.overdue()),
                String.valueOf(b.completed()), b.completionRateText() + "%");
    }

    @Test
    void theActionsIndexShowsTheTrackingReportsFigures() {
        Elements stats = site.page("actions/index.html").select("section.stats > .stat");

        assertThat(stats).extracting(s -> s.selectFirst(".stat-value").text()).containsExactly(
                String.valueOf(tracker.total()), String.valueOf(tracker.count(ActionStatus.COMPLETED)),
                String.valueOf(tracker.count(ActionStatus.IN_PROGRESS)), String.valueOf(tracker.overdue().size()),
                rate(tracker.completionRate()));
        assertThat(stats).extracting(s -> s.selectFirst(".stat-label").text())
                .containsExactly("action items", "completed", "in progress", "overdue", "completion rate");
        assertThat(stats.get(4).selectFirst(".stat-value").text()).matches("\\d{1,3}\\.\\d%");
        assertThat(stats.get(3).hasClass("stat-alert")).isTrue();
        assertThat(stats.get(3).selectFirst("a").attr("href")).isEqualTo("../actions/overdue/index.html");
    }

    @Test
    void theActionsIndexListsEveryItemInTheTrackersOrder() {
        Document page = site.page("actions/index.html");

        assertThat(firstColumn(page, "actions")).containsExactlyElementsOf(ids(tracker.items()));
        assertThat(page.select("table#actions > thead th")).extracting(Element::text).containsExactly("ID", "Action",
                "Incident", "Status", "Priority", "Owner", "Due", "Overdue", "Services", "Tracker");
        assertThat(page.selectFirst("p.page-lead").text()).startsWith(tracker.total() + " action items from ");
    }

    @Test
    void everyItemRowCarriesItsStatusPriorityOverdueDaysAndFilterValues() {
        Elements rows = site.page("actions/index.html").select("table#actions > tbody > tr");
        List<TrackedItem> items = tracker.items();

        assertThat(rows).hasSameSizeAs(items);
        for (int n = 0; n < rows.size(); n++) {
            TrackedItem item = items.get(n);
            Element row = rows.get(n);
            assertThat(row.attr("data-status")).isEqualTo(item.item().status().label());
            assertThat(row.attr("data-priority")).isEqualTo(item.item().priority().label());
            assertThat(row.attr("data-overdue")).isEqualTo(item.overdue() ? "yes" : "no");
            assertThat(row.select("td").get(1).text()).isEqualTo(item.item().description());
            assertThat(row.select("td").get(2).selectFirst("a").attr("href"))
                    .isEqualTo("../incidents/" + item.incident().id() + "/index.html");
            assertThat(row.select("td").get(6).selectFirst("time").attr("datetime"))
                    .isEqualTo(item.item().due().toString());
            Element overdue = row.select("td").get(7).selectFirst(".badge.overdue");
            if (item.overdue()) {
                assertThat(overdue.text()).isEqualTo("overdue · " + item.daysLate() + " d");
                assertThat(row.select("td").get(7).attr("data-value")).isEqualTo(String.valueOf(item.daysLate()));
            } else {
                assertThat(overdue).isNull();
            }
        }
    }

    @Test
    void everyItemLinksToItsOwnRowOnTheIncidentPage() {
        Elements links = site.page("actions/index.html").select("table#actions > tbody > tr > td:first-child > a");

        assertThat(links).hasSize(tracker.total());
        for (int n = 0; n < links.size(); n++) {
            TrackedItem item = tracker.items().get(n);
            String href = links.get(n).attr("href");
            assertThat(href).startsWith("../incidents/" + item.incident().id() + "/index.html#");
            Document incident = site.page(href.substring("../".length(), href.indexOf('#')));
            Element row = incident.getElementById(href.substring(href.indexOf('#') + 1));
            assertThat(row).as(href).isNotNull();
            assertThat(row.tagName()).isEqualTo("tr");
            assertThat(row.closest("table").id()).isEqualTo("hs-action-items");
            assertThat(row.selectFirst("td").text()).isEqualTo(item.item().id());
        }
    }

    @Test
    void theIncidentPagesActionRowsHaveIds() {
        Document page = site.page("incidents/" + SEED + "/index.html");

        assertThat(page.select("table#hs-action-items > tbody > tr")).extracting(Element::id)
                .containsExactly("action-A1", "action-A2", "action-A3", "action-A4", "action-A5", "action-A6",
                        "action-A7", "action-A8", "action-A9");
    }

    @Test
    void theFilterFormOffersChoicesThatMatchTheRows() {
        Document page = site.page("actions/index.html");
        Element form = page.selectFirst("form.filters[data-filter-for=actions]");
        Elements rows = page.select("table#actions > tbody > tr");

        assertThat(form.hasAttr("hidden")).isTrue();
        assertThat(form.select("select")).extracting(s -> s.attr("name"))
                .containsExactly("status", "priority", "owner", "service", "overdue");
        assertThat(form.select("input[name=q]")).hasSize(1);
        for (String[] filter : new String[][] {{"status", "data-status"}, {"priority", "data-priority"},
                {"owner", "data-owner"}, {"service", "data-services"}, {"overdue", "data-overdue"}}) {
            Set<String> rowValues = rows.stream().flatMap(r -> Stream.of(r.attr(filter[1]).split(" ")))
                    .collect(Collectors.toSet());
            List<String> choices = form.select("select[name=" + filter[0] + "] option[value~=.]").eachAttr("value");
            assertThat(choices).as(filter[0]).isNotEmpty().doesNotHaveDuplicates();
            assertThat(rowValues).as("values of %s on the rows", filter[1]).containsAll(choices);
        }
        assertThat(form.select("select[name=overdue] option[value~=.]").eachAttr("value")).containsExactly("yes", "no");
    }

    @Test
    void theCountsPerPriorityAreTheTrackers() {
        Document page = site.page("actions/index.html");

        assertThat(counts(page, "actions-by-priority")).containsExactlyElementsOf(
                tracker.byPriority().stream().map(b -> expected(b.key(), b)).toList());
        assertThat(tracker.byPriority().stream().mapToInt(Breakdown::total).sum()).isEqualTo(tracker.total());
    }

    @Test
    void theCompletionRatePerQuarterIsTheTrackers() {
        Document page = site.page("actions/index.html");

        assertThat(counts(page, "actions-by-quarter")).containsExactlyElementsOf(
                tracker.byQuarter().stream().map(b -> expected(b.key(), b)).toList());
        assertThat(tracker.byQuarter()).hasSizeGreaterThan(4);
    }

    @Test
    void theBurnDownIsAnAccessibleInlineSvgWithOnePointPerMonth() {
        Document page = site.page("actions/index.html");
        Element svg = page.selectFirst("svg.burn-down-chart");
        List<BurnDownPoint> points = tracker.burnDown();

        assertThat(svg).isNotNull();
        assertThat(svg.attr("role")).isEqualTo("img");
        Element title = page.getElementById(svg.attr("aria-labelledby"));
        Element desc = page.getElementById(svg.attr("aria-describedby"));
        assertThat(title.tagName()).isEqualTo("title");
        assertThat(title.parent()).isSameAs(svg);
        assertThat(title.text()).isEqualTo("Open action items at the end of each month");
        assertThat(desc.tagName()).isEqualTo("desc");
        assertThat(desc.text()).contains(String.valueOf(points.get(points.size() - 1).open()));
        assertThat(svg.select("text").eachText()).contains("Month", "Open items");
        assertThat(svg.select("circle")).extracting(c -> c.attr("data-date"), c -> c.attr("data-open"))
                .containsExactlyElementsOf(points.stream()
                        .map(p -> tuple(p.date().toString(), String.valueOf(p.open()))).toList());
        assertThat(svg.selectFirst("polyline").attr("points").split(" ")).hasSameSizeAs(points);
        assertThat(svg.select("[style], script, foreignObject, a")).isEmpty();
        // A month per point, from the first incident's month to the as-of date.
        assertThat(points.get(points.size() - 1).date()).isEqualTo(BuiltSite.AS_OF);
        LocalDate firstStart = site.result().load().incidents().stream().filter(i -> !i.actions().isEmpty())
                .map(i -> i.times().started().toLocalDate()).min(LocalDate::compareTo).orElseThrow();
        assertThat(points).hasSize((int) java.time.temporal.ChronoUnit.MONTHS.between(
                firstStart.withDayOfMonth(1), BuiltSite.AS_OF.withDayOfMonth(1)) + 1);
    }

    @Test
    void theBurnDownsTableHasTheSameNumbers() {
        Element table = site.page("actions/index.html").selectFirst("details.chart-data table#burn-down-data");

        assertThat(table.select("tbody > tr")).extracting(r -> r.selectFirst("time").attr("datetime"),
                r -> r.select("td").get(1).text()).containsExactlyElementsOf(tracker.burnDown().stream()
                .map(p -> tuple(p.date().toString(), String.valueOf(p.open()))).toList());
    }

    @Test
    void theOverduePageListsOverdueItemsByDueDateThenIdWithDaysLateOwnerAndIncident() {
        Document page = site.page("actions/overdue/index.html");
        Elements rows = page.select("table#overdue-actions > tbody > tr");
        List<TrackedItem> overdue = tracker.overdue();

        assertThat(firstColumn(page, "overdue-actions")).containsExactlyElementsOf(ids(overdue));
        assertThat(rows).extracting(r -> r.selectFirst("td time").attr("datetime")).isSorted();
        for (int n = 0; n < rows.size(); n++) {
            TrackedItem item = overdue.get(n);
            Elements cells = rows.get(n).select("td");
            assertThat(cells.get(7).text()).isEqualTo("overdue · " + item.daysLate() + " d");
            assertThat(cells.get(5).text()).isEqualTo(item.item().owner() == null ? "Unassigned" : item.item().owner());
            assertThat(cells.get(2).selectFirst("a").attr("href"))
                    .isEqualTo("../../incidents/" + item.incident().id() + "/index.html");
        }
        assertThat(page.selectFirst("p.page-lead").text()).startsWith(overdue.size() + " open items are past");
        assertThat(page.select(".empty-state")).isEmpty();
    }

    @Test
    void theOverduePageSaysSoWhenNothingIsOverdue() {
        LocalDate beforeAnything = LocalDate.of(2020, 1, 1);
        BuiltSite quiet = BuiltSite.build(BuiltSite.SAMPLE, early, SiteSettings.defaults(beforeAnything, BuiltSite.ZONE));
        ActionTracker none = new KnowledgeBase(quiet.result().load().incidents(), beforeAnything).tracker();

        assertThat(none.overdue()).isEmpty();
        assertThat(none.burnDown()).isEmpty();
        Document overdue = quiet.page("actions/overdue/index.html");
        assertThat(overdue.select("table")).isEmpty();
        assertThat(overdue.selectFirst("p.empty-state").text()).startsWith("Nothing is overdue");
        assertThat(overdue.selectFirst("p.page-lead").text()).startsWith("No open item is past its due date");
        Document index = quiet.page("actions/index.html");
        assertThat(index.select("svg")).isEmpty();
        assertThat(index.select("table#actions > tbody > tr")).hasSize(none.total());
    }

    @Test
    void theOwnersIndexListsEveryOwnerWithTheTrackersCounts() {
        Document page = site.page("actions/owners/index.html");
        List<Breakdown> owners = new ArrayList<>(tracker.byOwner().stream().filter(b -> !b.key().isEmpty()).toList());
        tracker.byOwner().stream().filter(b -> b.key().isEmpty()).forEach(owners::add);

        assertThat(counts(page, "action-owners")).containsExactlyElementsOf(owners.stream()
                .map(b -> expected(b.key().isEmpty() ? "Unassigned" : b.key(), b)).toList());
        assertThat(page.select("table#action-owners > tbody > tr > th a")).allSatisfy(a ->
                assertThat(site.root().resolve("actions/owners").resolve(a.attr("href"))).isRegularFile());
    }

    @Test
    void everyOwnerPageHasTheirOverdueOpenAndClosedItemsInThreeSections() {
        Document index = site.page("actions/owners/index.html");
        for (Element link : index.select("table#action-owners > tbody > tr > th a")) {
            String key = link.text().equals("Unassigned") ? "" : link.text();
            Breakdown owner = tracker.byOwner().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
            List<TrackedItem> theirs = tracker.items().stream()
                    .filter(t -> (t.item().owner() == null ? "" : t.item().owner()).equals(key)).toList();
            Document page = site.page("actions/owners/" + link.attr("href"));

            assertThat(page.select("section.owner-actions > h2")).extracting(Element::id)
                    .containsExactly("hs-overdue", "hs-open", "hs-closed");
            assertThat(firstColumn(page, "owner-overdue")).as(key).containsExactlyElementsOf(
                    ids(theirs.stream().filter(TrackedItem::overdue).sorted(ActionTracker.BY_DUE_THEN_ID).toList()));
            assertThat(firstColumn(page, "owner-open")).as(key).containsExactlyElementsOf(ids(theirs.stream()
                    .filter(t -> !t.item().isClosed() && !t.overdue()).sorted(ActionTracker.BY_DUE_THEN_ID).toList()));
            assertThat(firstColumn(page, "owner-closed")).as(key).containsExactlyInAnyOrderElementsOf(
                    ids(theirs.stream().filter(t -> t.item().isClosed()).toList()));
            assertThat(page.select("section.owner-actions > h2 > .count")).extracting(Element::text).containsExactly(
                    String.valueOf(owner.overdue()), String.valueOf(owner.open() - owner.overdue()),
                    String.valueOf(owner.total() - owner.open()));
            assertThat(page.select("section.stats .stat-value")).extracting(Element::text).containsExactly(
                    String.valueOf(owner.total()), String.valueOf(owner.open()), String.valueOf(owner.overdue()),
                    String.valueOf(owner.completed()), owner.completionRateText() + "%");
            assertThat(page.select("table[id^=owner-] > thead th")).extracting(Element::text)
                    .doesNotContain("Owner");
            if (owner.total() > owner.open()) {
                assertThat(page.select("table#owner-closed > thead th")).extracting(Element::text)
                        .contains("Completed");
            }
            assertThat(page.select("p.empty-state")).hasSize((int) Stream.of(page.select("table#owner-overdue"),
                    page.select("table#owner-open"), page.select("table#owner-closed")).filter(Elements::isEmpty).count());
        }
        assertThat(index.select("table#action-owners > tbody > tr")).hasSize(tracker.byOwner().size());
    }

    @Test
    void aReportOwnersActionPageHasTheSlugOfTheirOwnerPageAndLinksToIt() {
        Document page = site.page("actions/owners/张三/index.html");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Action items of 张三");
        assertThat(page.select("nav.related-links a")).extracting(a -> a.attr("href")).first()
                .isEqualTo("../../../owners/张三/index.html");
        assertThat(site.page("actions/index.html").select("table#actions td a[href*=actions/owners/]"))
                .extracting(Element::text).contains("张三");
    }

    @Test
    void theHomePageLinksItsActionFiguresAndHasAnActionsCard() {
        Document home = site.page("index.html");
        Elements stats = home.select("section.stats > .stat");

        assertThat(stats.get(2).selectFirst(".stat-value").text()).isEqualTo(String.valueOf(tracker.open().size()));
        assertThat(stats.get(2).selectFirst("a").attr("href")).isEqualTo("actions/index.html");
        assertThat(stats.get(3).selectFirst(".stat-value").text()).isEqualTo(String.valueOf(tracker.overdue().size()));
        assertThat(stats.get(3).selectFirst("a").attr("href")).isEqualTo("actions/overdue/index.html");
        assertThat(home.select("section.browse li.card a[href=actions/index.html] .card-count").text())
                .isEqualTo(String.valueOf(tracker.total()));
    }

    @Test
    void theNavigationLeadsToTheActionsAndMarksItOnEveryActionPage() {
        assertThat(site.page("index.html").select("nav.site-nav a")).extracting(Element::text, a -> a.attr("href"))
                .contains(tuple("Actions", "actions/index.html"));
        for (String path : List.of("actions/index.html", "actions/overdue/index.html", "actions/owners/index.html",
                "actions/owners/张三/index.html")) {
            Document page = site.page(path);
            assertThat(page.select("nav.site-nav a[aria-current=page]")).as(path).extracting(Element::text)
                    .containsExactly("Actions");
            assertThat(page.select("nav.site-nav a[aria-current=page]").attr("href")).as(path)
                    .isEqualTo(SitePaths.rootFrom(path) + "actions/index.html");
        }
    }

    @Test
    void theChineseActionPagesAreInChinese() {
        Document index = chineseSite.page("actions/index.html");
        Document overdue = chineseSite.page("actions/overdue/index.html");
        Document owner = chineseSite.page("actions/owners/张三/index.html");

        assertThat(index.selectFirst("h1").text()).isEqualTo("改进措施跟踪");
        assertThat(index.select("section.stats .stat-label")).extracting(Element::text)
                .containsExactly("总计", "已完成", "进行中", "逾期", "完成率");
        assertThat(index.select("nav.site-nav a[aria-current=page]").text()).isEqualTo("改进措施");
        assertThat(index.selectFirst("svg.burn-down-chart > title").text()).isEqualTo("每月月末未完成的改进措施");
        assertThat(index.select("svg.burn-down-chart text").eachText()).contains("月份", "未完成数");
        assertThat(index.select("table#actions > thead th")).extracting(Element::text)
                .containsExactly("编号", "措施", "故障", "状态", "优先级", "负责人", "截止", "逾期", "服务", "跟踪");
        assertThat(index.select("table#actions .badge.overdue")).extracting(Element::text)
                .allSatisfy(text -> assertThat(text).matches("逾期 \\d+ 天"));
        assertThat(index.select("form.filters select[name=overdue] option")).extracting(Element::text)
                .containsExactly("全部", "已逾期", "未逾期");
        assertThat(index.select("h2")).extracting(Element::text).contains("燃尽图", "按优先级", "各季度完成率", "全部改进措施");
        assertThat(overdue.selectFirst("h1").text()).isEqualTo("逾期的改进措施");
        assertThat(overdue.selectFirst("p.page-lead").text())
                .isEqualTo("截至 2026年11月25日，共 " + tracker.overdue().size() + " 项未完成的措施已过截止日期，截止日期最早的在前");
        assertThat(owner.selectFirst("h1").text()).isEqualTo("张三 的改进措施");
        assertThat(owner.select("section.owner-actions > h2")).extracting(Element::ownText)
                .containsExactly("逾期", "未完成（未到期）", "已完成与已取消");
        assertThat(chineseSite.page("actions/owners/index.html").selectFirst("h1").text()).isEqualTo("改进措施负责人");
        assertThat(chineseSite.page("index.html").select("section.browse .card-title").eachText()).contains("改进措施");
    }

    @Test
    void everyIncidentWithItemsIsCountedOnceInTheLead() {
        long withItems = site.result().load().incidents().stream().filter(i -> !i.actions().isEmpty()).count();
        List<String> incidentLinks = site.page("actions/index.html").select("table#actions td:nth-child(3) a")
                .eachAttr("href").stream().distinct().toList();

        assertThat(incidentLinks).hasSize((int) withItems);
        assertThat(site.page("actions/index.html").selectFirst("p.page-lead").text())
                .contains("from " + withItems + " incidents");
        assertThat(site.result().load().incidents()).extracting(Incident::id).contains(SEED);
    }
}
