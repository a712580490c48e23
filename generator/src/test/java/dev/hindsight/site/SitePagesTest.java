package dev.hindsight.site;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Lesson;
import dev.hindsight.model.Severity;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every page type of the sample site, read as a browser would: the figures are the knowledge base's
 * (recomputed here from the loaded reports, not copied from the page models), the lists are complete
 * and in order, the seed report and a front-matter report show everything they hold.
 */
class SitePagesTest {
    private static final String SEED = "INC-2025-10-05-001";
    private static final String FRONT_MATTER = "INC-2026-02-11-001";
    private static final List<String> TAXONOMIES = List.of("services", "tags", "severities", "years", "owners");

    @TempDir
    static Path english;
    @TempDir
    static Path chinese;

    private static BuiltSite site;
    private static BuiltSite chineseSite;
    private static List<Incident> newestFirst;

    @BeforeAll
    static void build() {
        site = BuiltSite.sample(english);
        chineseSite = BuiltSite.build(BuiltSite.SAMPLE, chinese, new SiteSettings("复盘知识库", Locale.SIMPLIFIED_CHINESE,
                BuiltSite.AS_OF, BuiltSite.ZONE, null, null, false, null));
        assertThat(site.result().site().written()).isTrue();
        assertThat(chineseSite.result().site().written()).isTrue();
        newestFirst = site.result().load().incidents().stream()
                .sorted(Comparator.comparing((Incident i) -> i.times().started().toInstant()).reversed())
                .toList();
    }

    private static List<ActionItem> actions() {
        return newestFirst.stream().flatMap(i -> i.actions().stream()).toList();
    }

    private static Incident incident(String id) {
        return newestFirst.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** Values of one kind, grouped case-insensitively as the taxonomies are: lower-cased value → incidents. */
    private static Map<String, List<Incident>> grouped(Function<Incident, List<String>> values) {
        Map<String, List<Incident>> groups = new TreeMap<>();
        for (Incident incident : newestFirst) {
            for (String value : values.apply(incident)) {
                List<Incident> members = groups.computeIfAbsent(value.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                if (!members.contains(incident)) {
                    members.add(incident);
                }
            }
        }
        return groups;
    }

    private static Element fact(Document page, String label) {
        return page.select("dl.facts > div").stream().filter(d -> d.selectFirst("dt").text().equals(label))
                .findFirst().map(d -> d.selectFirst("dd")).orElseThrow(() -> new AssertionError("no fact " + label));
    }

    @Test
    void theSampleBuildsWithoutErrorsIntoOnePagePerIncidentAndTerm() {
        assertThat(site.result().hasErrors()).isFalse();
        assertThat(newestFirst).hasSize(24);
        assertThat(site.pages()).contains("index.html", "incidents/index.html", "lessons/index.html", "404.html")
                .filteredOn(p -> p.matches("incidents/[^/]+/index\\.html")).hasSize(24);
        assertThat(site.result().site().pages()).isEqualTo(site.pages().size());
    }

    @Test
    void homeShowsTheFourHeadlineFiguresOfTheKnowledgeBase() {
        long major = newestFirst.stream().filter(i -> i.severity() == Severity.P0 || i.severity() == Severity.P1)
                .filter(i -> i.times().started().getYear() == 2026).count();
        long open = actions().stream().filter(a -> !a.isClosed()).count();
        long overdue = actions().stream().filter(a -> !a.isClosed() && a.due().isBefore(BuiltSite.AS_OF)).count();
        Elements stats = site.page("index.html").select("section.stats > .stat");

        assertThat(stats).extracting(s -> s.selectFirst(".stat-value").text())
                .containsExactly("24", String.valueOf(major), String.valueOf(open), String.valueOf(overdue));
        assertThat(stats).extracting(s -> s.selectFirst(".stat-label").text())
                .containsExactly("incidents", "P0/P1 incidents in 2026", "open action items", "overdue action items");
        assertThat(overdue).isPositive();
        assertThat(stats.get(3).hasClass("stat-alert")).isTrue();
        assertThat(stats.get(0).selectFirst("a").attr("href")).isEqualTo("incidents/index.html");
        // No page lists only this year's P0/P1 incidents, so that figure links nowhere rather than mislead.
        assertThat(stats.get(1).select("a")).isEmpty();
    }

    @Test
    void homeListsTheLatestIncidentsNewestFirst() {
        Elements latest = site.page("index.html").select("section.latest li");

        assertThat(latest).extracting(li -> li.selectFirst(".muted").text())
                .containsExactlyElementsOf(newestFirst.stream().limit(latest.size()).map(Incident::id).toList());
        assertThat(latest).hasSizeBetween(5, 10);
        assertThat(latest).allSatisfy(li -> assertThat(li.selectFirst("a").attr("href"))
                .isEqualTo("incidents/" + li.selectFirst(".muted").text() + "/index.html"));
    }

    @Test
    void homeHasABrowseCardForEveryIndexWithItsSize() {
        Map<String, String> cards = site.page("index.html").select("section.browse li.card a").stream()
                .collect(Collectors.toMap(a -> a.attr("href"), a -> a.selectFirst(".card-count").text()));
        long lessons = newestFirst.stream().mapToLong(i -> i.lessons().size()).sum();

        assertThat(cards).containsOnlyKeys("incidents/index.html", "actions/index.html", "services/index.html",
                "tags/index.html", "severities/index.html", "years/index.html", "owners/index.html",
                "lessons/index.html", "anniversaries/index.html", "calendar/index.html");
        assertThat(cards).containsEntry("incidents/index.html", "24")
                .containsEntry("actions/index.html", String.valueOf(actions().size()))
                .containsEntry("services/index.html", String.valueOf(grouped(Incident::services).size()))
                .containsEntry("tags/index.html", String.valueOf(grouped(Incident::tags).size()))
                .containsEntry("severities/index.html", String.valueOf(Severity.values().length))
                .containsEntry("years/index.html", "3")
                .containsEntry("lessons/index.html", String.valueOf(lessons))
                .containsEntry("calendar/index.html", "3");
    }

    @Test
    void homeLinksEveryFileWrittenBesideThePages() {
        List<String> exports = BuiltSite.files(english).keySet().stream()
                .filter(p -> !p.contains("/") && !p.endsWith(".html") && !p.equals(OutputDirectory.MARKER)).toList();

        assertThat(exports).isNotEmpty();
        assertThat(site.page("index.html").select("section.downloads a")).extracting(a -> a.attr("href"))
                .containsExactlyInAnyOrderElementsOf(exports);
    }

    @Test
    void incidentsIndexHasEveryIncidentNewestFirstWithFilterAttributes() {
        Document page = site.page("incidents/index.html");
        Elements rows = page.select("table#incidents > tbody > tr");

        assertThat(page.select("table#incidents > thead th")).extracting(Element::text).containsExactly(
                "ID", "Title", "Severity", "Services", "Started", "Duration", "Report", "Open actions");
        assertThat(rows).extracting(r -> r.selectFirst("td a").text())
                .containsExactlyElementsOf(newestFirst.stream().map(Incident::id).toList());
        for (int n = 0; n < rows.size(); n++) {
            Incident incident = newestFirst.get(n);
            Element row = rows.get(n);
            assertThat(row.attr("data-severity")).isEqualTo(incident.severity().name());
            assertThat(row.attr("data-year")).isEqualTo(String.valueOf(incident.times().started().getYear()));
            assertThat(row.attr("data-status")).isEqualTo(incident.status().label());
            assertThat(row.select("td").get(1).text()).isEqualTo(incident.title());
            assertThat(row.select("td").get(7).text())
                    .isEqualTo(String.valueOf(incident.actions().stream().filter(a -> !a.isClosed()).count()));
            assertThat(row.select("td").get(4).selectFirst("time").attr("datetime"))
                    .startsWith(incident.times().started().toLocalDate().toString());
        }
    }

    @Test
    void incidentsIndexShipsAHiddenFilterFormAndBrowseLinksForReadersWithoutScript() {
        Document page = site.page("incidents/index.html");
        Element form = page.selectFirst("form.filters[data-filter-for=incidents]");

        assertThat(form).isNotNull();
        assertThat(form.hasAttr("hidden")).isTrue();
        assertThat(form.select("select")).extracting(s -> s.attr("name"))
                .containsExactly("severity", "service", "tag", "year", "status");
        assertThat(form.select("input[name=q]")).hasSize(1);
        assertThat(page.select("p.no-js-browse a")).extracting(a -> a.attr("href"))
                .containsExactlyElementsOf(Stream.concat(TAXONOMIES.stream(), Stream.of("anniversaries", "calendar"))
                        .map(t -> "../" + t + "/index.html").toList());
    }

    @Test
    void everyFilterChoiceMatchesTheRowsItIsFor() {
        Document page = site.page("incidents/index.html");
        Elements rows = page.select("table#incidents > tbody > tr");
        Map<String, String> attributeOf = Map.of("severity", "data-severity", "service", "data-services",
                "tag", "data-tags", "year", "data-year", "status", "data-status");

        attributeOf.forEach((select, attribute) -> {
            Set<String> rowValues = rows.stream().flatMap(r -> Stream.of(r.attr(attribute).split(" ")))
                    .collect(Collectors.toSet());
            List<String> choices = page.select("form.filters select[name=" + select + "] option[value~=.]").stream()
                    .map(Element::val).toList();
            assertThat(choices).as(select).isNotEmpty();
            assertThat(rowValues).as("values of %s on the rows", attribute).containsAll(choices);
        });
    }

    @Test
    void theSeedIncidentShowsItsTimelineWhysAndActionItems() {
        Document page = site.page("incidents/" + SEED + "/index.html");

        assertThat(page.select("ol.timeline > li.timeline-entry")).hasSize(9);
        assertThat(page.select("ol.timeline time")).first().extracting(t -> t.attr("datetime"))
                .isEqualTo("2025-10-05T18:00:00+08:00");
        assertThat(page.select("ol.whys > li.why")).hasSize(5);
        assertThat(page.select("ol.whys .why-q")).first().extracting(Element::text).isEqualTo("为什么服务 OOM？");
        assertThat(page.select("table#hs-action-items > tbody > tr")).extracting(r -> r.selectFirst("td").text())
                .containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9");
        assertThat(page.selectFirst("p.completion").text()).startsWith("3 of 9 completed (33.3%)");
        assertThat(page.selectFirst("p.completion meter").attr("value")).isEqualTo("33");
    }

    @Test
    void exactlyTheOpenSeedActionsPastTheirDueDateAreMarkedOverdueWithTheirDays() {
        Document page = site.page("incidents/" + SEED + "/index.html");
        Map<String, String> overdue = new TreeMap<>();
        for (Element row : page.select("table#hs-action-items > tbody > tr")) {
            Element badge = row.selectFirst(".badge.overdue");
            if (badge != null) {
                overdue.put(row.selectFirst("td").text(), badge.text());
            }
        }

        assertThat(overdue).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "A4", "overdue · 409 d", "A5", "overdue · 409 d", "A6", "overdue · 409 d",
                "A7", "overdue · 385 d", "A8", "overdue · 385 d", "A9", "overdue · 385 d")));
        for (ActionItem item : incident(SEED).actions()) {
            if (item.isOverdue(BuiltSite.AS_OF)) {
                assertThat(overdue.get(item.id())).endsWith(ChronoUnit.DAYS.between(item.due(), BuiltSite.AS_OF) + " d");
            }
        }
    }

    @Test
    void aSiteWideOverdueCountAgreesWithTheBadgesOnIncidentPages() {
        long badges = site.pages().stream().filter(p -> p.matches("incidents/[^/]+/index\\.html"))
                .mapToLong(p -> site.page(p).select("table#hs-action-items .badge.overdue").size()).sum();
        String overdueStat = site.page("index.html").select("section.stats .stat-value").get(3).text();

        assertThat(String.valueOf(badges)).isEqualTo(overdueStat);
    }

    @Test
    void theSeedIncidentLinksItsOwnerAndServicesToTheirPages() {
        Document page = site.page("incidents/" + SEED + "/index.html");

        assertThat(fact(page, "Owner").select("a")).extracting(a -> a.attr("href"), Element::text)
                .containsExactly(tuple("../../owners/张三/index.html", "张三"));
        assertThat(fact(page, "Services").select("a")).extracting(a -> a.attr("href"))
                .containsExactly("../../services/otlp-collector-全部实例/index.html");
        assertThat(fact(page, "Participants").text()).isEqualTo("李四, 王五");
        assertThat(page.select("nav.pager a[rel=prev]").attr("href")).isEqualTo("../INC-2025-08-19-001/index.html");
        assertThat(page.select("nav.pager a[rel=next]").attr("href")).isEqualTo("../INC-2025-12-09-001/index.html");
    }

    @Test
    void theTableOfContentsLeadsToTheSectionsAndTheBodyHeadingsOfThePage() {
        Document page = site.page("incidents/" + SEED + "/index.html");
        Elements toc = page.select("nav.toc a");

        assertThat(toc).extracting(a -> a.attr("href")).contains("#hs-details", "#hs-impact", "#hs-timeline",
                "#hs-analysis", "#hs-actions", "#hs-lessons", "#hs-report", "#故障时间线", "#根本原因5-whys");
        assertThat(toc).allSatisfy(a -> assertThat(page.getElementById(a.attr("href").substring(1)))
                .as(a.attr("href")).isNotNull());
        assertThat(page.getElementById("故障时间线").parents()).anySatisfy(p -> assertThat(p.hasClass("report-body")).isTrue());
    }

    @Test
    void aFrontMatterIncidentShowsItsTimesWithTimeToDetectMitigateAndResolve() {
        Document page = site.page("incidents/" + FRONT_MATTER + "/index.html");

        assertThat(fact(page, "Started").selectFirst("time").attr("datetime")).isEqualTo("2026-02-11T09:52:00+01:00");
        assertThat(fact(page, "Detected").text()).isEqualTo("Feb 11, 2026 10:31 (UTC+01:00) · time to detect 39 min");
        assertThat(fact(page, "Mitigated").text())
                .isEqualTo("Feb 11, 2026 11:20 (UTC+01:00) · time to mitigate 1 h 28 min");
        assertThat(fact(page, "Resolved").text()).isEqualTo("Feb 12, 2026 16:00 (UTC+01:00) · time to resolve 1 d 6 h");
        assertThat(fact(page, "Tags").select("a")).extracting(a -> a.attr("href")).containsExactlyElementsOf(
                incident(FRONT_MATTER).tags().stream().map(t -> "../../tags/" + t + "/index.html").toList());
    }

    @Test
    void aFrontMatterIncidentShowsItsImpactFiguresAndTrackerLinks() {
        Document page = site.page("incidents/" + FRONT_MATTER + "/index.html");
        Map<String, String> impact = page.select("dl.figures > div").stream()
                .collect(Collectors.toMap(d -> d.selectFirst("dt").text(), d -> d.selectFirst("dd").text()));

        assertThat(impact).containsEntry("Scope", "Card payments in all EU storefronts (web, iOS, Android)")
                .containsEntry("Affected users", "1,842")
                .containsEntry("Availability", "97.5%")
                .containsEntry("SLO before", "99.96%")
                .containsEntry("SLO after", "99.71%")
                .containsEntry("Error budget consumed", "240%");
        assertThat(page.select("table#hs-action-items a[href]")).extracting(a -> a.attr("href"))
                .containsExactlyElementsOf(incident(FRONT_MATTER).actions().stream().map(ActionItem::link)
                        .filter(Objects::nonNull).toList());
        assertThat(page.select("section.references-section a")).extracting(a -> a.attr("href")).containsExactly(
                "https://wiki.example.com/payments/inc-2026-02-11-refunds", "https://tracker.example.com/PAY-3130",
                "../../incidents/INC-2025-01-14-001/index.html");
        assertThat(page.selectFirst("p.completion").text()).startsWith("6 of 9 completed (66.7%)");
    }

    @Test
    void everyTaxonomyIndexListsEachTermWithItsIncidentCount() {
        Map<String, Function<Incident, List<String>>> values = Map.of(
                "services", Incident::services,
                "tags", Incident::tags,
                "severities", i -> List.of(i.severity().name()),
                "years", i -> List.of(String.valueOf(i.times().started().getYear())),
                "owners", i -> i.owner() == null ? List.of() : List.of(i.owner()));
        for (String taxonomy : TAXONOMIES) {
            Map<String, Integer> expected = new TreeMap<>();
            grouped(values.get(taxonomy)).forEach((name, members) -> expected.put(name, members.size()));
            Map<String, Integer> shown = new TreeMap<>();
            for (Element term : site.page(taxonomy + "/index.html").select("ul.term-list > li")) {
                shown.put(term.selectFirst("a").text().toLowerCase(Locale.ROOT),
                        Integer.parseInt(term.selectFirst(".count").text()));
            }
            assertThat(shown).as(taxonomy).isEqualTo(expected);
        }
    }

    @Test
    void theSeveritiesAndYearsAreListedInTheirNaturalOrder() {
        assertThat(site.page("severities/index.html").select("ul.term-list a")).extracting(Element::text)
                .containsExactly("P0", "P1", "P2", "P3", "P4");
        assertThat(site.page("years/index.html").select("ul.term-list a")).extracting(Element::text)
                .containsExactly("2026", "2025", "2024");
    }

    @Test
    void aTermPageListsItsIncidentsNewestFirst() {
        Document page = site.page("tags/redis/index.html");
        List<String> expected = newestFirst.stream().filter(i -> i.tags().stream().anyMatch("redis"::equalsIgnoreCase))
                .map(Incident::id).toList();

        assertThat(page.selectFirst("h1").text()).isEqualTo("Tag: redis");
        assertThat(page.selectFirst("p.page-lead").text()).isEqualTo(expected.size() + " incidents, newest first");
        assertThat(page.select("table#incidents > tbody > tr")).extracting(r -> r.selectFirst("td a").text())
                .containsExactlyElementsOf(expected);
        assertThat(site.page("severities/p0/index.html").select("table#incidents > tbody > tr"))
                .hasSize((int) newestFirst.stream().filter(i -> i.severity() == Severity.P0).count());
    }

    @Test
    void lessonsAreGroupedByTagAndEachLinksBackToItsIncident() {
        Document page = site.page("lessons/index.html");
        Elements groups = page.select("section.lesson-group");
        List<String> tagsWithLessons = grouped(i -> i.lessons().isEmpty() ? List.of() : i.tags()).keySet().stream()
                .toList();

        assertThat(groups).extracting(g -> g.selectFirst("h2").text().toLowerCase(Locale.ROOT))
                .containsExactlyElementsOf(Stream.concat(tagsWithLessons.stream(),
                        Stream.of("untagged incidents")).toList());
        for (Element group : groups) {
            String tag = group.selectFirst("h2").text();
            for (Element item : group.select("li")) {
                Element source = item.selectFirst("a.lesson-source");
                Incident incident = incident(source.text());
                assertThat(source.attr("href")).isEqualTo("../incidents/" + incident.id() + "/index.html");
                assertThat(incident.lessons()).extracting(Lesson::text).contains(item.ownText());
                if (group.selectFirst("h2 a") != null) {
                    assertThat(incident.tags()).anyMatch(tag::equalsIgnoreCase);
                } else {
                    assertThat(incident.tags()).isEmpty();
                }
            }
        }
    }

    @Test
    void theNotFoundPageLeadsHome() {
        Document page = site.page("404.html");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("main a")).extracting(a -> a.attr("href")).containsExactly("index.html");
        assertThat(page.title()).isEqualTo("Page not found · Post-mortems");
    }

    @Test
    void everyPageNamesTheSiteAndMarksItsSectionInTheNavigation() {
        Document incident = site.page("incidents/" + SEED + "/index.html");

        assertThat(incident.title()).endsWith(" · Post-mortems");
        assertThat(incident.select("nav.site-nav a[aria-current=page]")).extracting(Element::text)
                .containsExactly("Incidents");
        assertThat(site.page("tags/redis/index.html").select("nav.site-nav a[aria-current=page]"))
                .extracting(Element::text).containsExactly("Tags");
        assertThat(site.page("index.html").select("nav.site-nav a[aria-current]")).isEmpty();
    }

    @Test
    void anIncidentPageNamesEachIdOnceInTheTitlePagerAndRelatedIncidents() {
        int relatedLinks = 0;
        for (Incident incident : newestFirst) {
            Document page = site.page("incidents/" + incident.id() + "/index.html");
            assertThat(page.title().indexOf(incident.id())).as(page.title()).isNotNegative()
                    .isEqualTo(page.title().lastIndexOf(incident.id()));
            for (Element link : page.select("nav.pager .pager-title, ul.related-list > li > a")) {
                String id = link.text().substring(0, link.text().indexOf(':'));
                assertThat(link.text().indexOf(id)).as(link.text()).isEqualTo(link.text().lastIndexOf(id));
            }
            relatedLinks += page.select("ul.related-list > li > a").size();
        }
        assertThat(relatedLinks).isPositive();
    }

    @Test
    void theChineseSiteIsInChineseThroughout() {
        Document home = chineseSite.page("index.html");
        Document incidents = chineseSite.page("incidents/index.html");
        Document seed = chineseSite.page("incidents/" + SEED + "/index.html");

        for (String path : chineseSite.pages()) {
            assertThat(chineseSite.page(path).selectFirst("html").attr("lang")).as(path).isEqualTo("zh-CN");
        }
        assertThat(home.selectFirst("h1").text()).isEqualTo("复盘知识库");
        assertThat(home.select("nav.site-nav a")).extracting(Element::text)
                .containsExactly("故障", "改进措施", "指标", "服务", "标签", "故障等级", "年份", "负责人", "经验教训", "搜索");
        assertThat(home.select("section.stats .stat-label")).extracting(Element::text)
                .containsExactly("起故障", "2026 年 P0/P1 故障", "项未完成的改进措施", "项逾期的改进措施");
        assertThat(incidents.selectFirst("h1").text()).isEqualTo("全部故障");
        assertThat(incidents.selectFirst("p.page-lead").text()).isEqualTo("共 24 起故障，最新的在前");
        assertThat(seed.selectFirst("p.completion").text()).startsWith("已完成 3 / 9（33.3%）");
        assertThat(seed.select("table#hs-action-items .badge.overdue")).extracting(Element::text)
                .containsOnly("逾期 409 天", "逾期 385 天").hasSize(6);
        assertThat(seed.select("h2")).extracting(Element::text).contains("基本信息", "故障时间线", "改进措施");
        assertThat(seed.selectFirst("footer").text()).startsWith("截至 2026年11月25日");
        assertThat(chineseSite.page("404.html").selectFirst("h1").text()).isEqualTo("页面不存在");
        assertThat(Files.exists(chinese.resolve("owners/张三/index.html"))).isTrue();
    }
}
