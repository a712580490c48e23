package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.LessonGroup;
import dev.hindsight.kb.Taxonomy;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Lesson;
import dev.hindsight.model.LessonKind;
import dev.hindsight.model.Link;
import dev.hindsight.model.Section;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.site.page.AnniversaryRow;
import dev.hindsight.site.page.Badge;
import dev.hindsight.site.page.BodyHtml;
import dev.hindsight.site.page.Fact;
import dev.hindsight.site.page.HomePage;
import dev.hindsight.site.page.IncidentPage;
import dev.hindsight.site.page.IncidentRow;
import dev.hindsight.site.page.IncidentsPage;
import dev.hindsight.site.page.Layout;
import dev.hindsight.site.page.LessonsPage;
import dev.hindsight.site.page.LinkView;
import dev.hindsight.site.page.MappedRows;
import dev.hindsight.site.page.NotFoundPage;
import dev.hindsight.site.page.RowWriter;
import dev.hindsight.site.page.SearchPage;
import dev.hindsight.site.page.TaxonomyIndexPage;
import dev.hindsight.site.page.TaxonomyPage;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the page models from the knowledge base: all formatting, linking and choosing happens here so
 * that templates only loop and branch. Each method returns one page's model for the page at a given
 * site path (links are made relative to it).
 */
final class PageModels {
    private static final int LATEST_ON_HOME = 8;

    private final KnowledgeBase kb;
    private final SiteSettings settings;
    private final Messages m;
    private final Formats formats;
    private final Assets assets;
    private final List<String> downloads;
    private final RowWriter<IncidentRow> rowWriter;
    private final SharedIncidentRows sharedRows;

    /**
     * @param downloads  site paths of the files written beside the pages (exports), linked from home
     * @param rowWriter  writes the rows of an incident table
     * @param sharedRows makes and writes the rows of the taxonomy pages' tables, which share them
     */
    PageModels(KnowledgeBase kb, SiteSettings settings, Messages messages, Assets assets, List<String> downloads,
               RowWriter<IncidentRow> rowWriter, SharedIncidentRows sharedRows) {
        this.kb = kb;
        this.settings = settings;
        this.m = messages;
        this.formats = new Formats(messages);
        this.assets = assets;
        this.downloads = List.copyOf(downloads);
        this.rowWriter = rowWriter;
        this.sharedRows = sharedRows;
    }

    /** The frame of a page at {@code root}; {@code section} marks its entry in the navigation. */
    Layout layout(String root, String pageTitle, String bodyClass, String section) {
        List<Layout.NavLink> nav = new ArrayList<>();
        nav.add(new Layout.NavLink(m.get("nav.incidents"), root + SitePaths.INCIDENTS, section.equals("incidents")));
        nav.add(new Layout.NavLink(m.get("nav.actions"), root + SitePaths.ACTIONS, section.equals("actions")));
        nav.add(new Layout.NavLink(m.get("nav.metrics"), root + SitePaths.METRICS, section.equals("metrics")));
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            nav.add(new Layout.NavLink(m.get("taxonomy." + kind.path()), root + SitePaths.taxonomyIndex(kind),
                    section.equals(kind.path())));
        }
        nav.add(new Layout.NavLink(m.get("nav.lessons"), root + SitePaths.LESSONS, section.equals("lessons")));
        nav.add(new Layout.NavLink(m.get("nav.search"), root + SitePaths.SEARCH, section.equals("search")));
        return new Layout(m.languageTag(), settings.title(), pageTitle, bodyClass, root,
                root + assets.stylesheet(), root + assets.script(), root + assets.icon(), root + SitePaths.FEED,
                nav,
                m.format("footer.generated", formats.date(kb.asOf()), kb.incidents().size()));
    }

    /**
     * @param onThisDay     the incidents of this day in earlier years, as seen from the home page
     * @param calendarCards the anniversaries' and the calendar's cards
     */
    HomePage home(List<AnniversaryRow> onThisDay, List<HomePage.Card> calendarCards) {
        String page = SitePaths.HOME;
        String root = SitePaths.rootFrom(page);
        String year = String.valueOf(kb.asOf().getYear());
        List<HomePage.Stat> stats = List.of(
                new HomePage.Stat(String.valueOf(kb.incidents().size()), m.get("home.stat.incidents"),
                        root + SitePaths.INCIDENTS, false),
                new HomePage.Stat(String.valueOf(kb.majorIncidentsThisYear()), m.format("home.stat.major", year),
                        null, false),
                new HomePage.Stat(String.valueOf(kb.tracker().open().size()), m.get("home.stat.open"),
                        root + SitePaths.ACTIONS, false),
                new HomePage.Stat(String.valueOf(kb.tracker().overdue().size()), m.get("home.stat.overdue"),
                        root + SitePaths.OVERDUE_ACTIONS, !kb.tracker().overdue().isEmpty()));
        List<HomePage.Card> cards = new ArrayList<>();
        cards.add(new HomePage.Card(m.get("nav.incidents"), root + SitePaths.INCIDENTS,
                String.valueOf(kb.incidents().size())));
        cards.add(new HomePage.Card(m.get("nav.actions"), root + SitePaths.ACTIONS,
                String.valueOf(kb.tracker().total())));
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            cards.add(new HomePage.Card(m.get("taxonomy." + kind.path()), root + SitePaths.taxonomyIndex(kind),
                    String.valueOf(kb.taxonomy(kind).terms().size())));
        }
        cards.add(new HomePage.Card(m.get("nav.lessons"), root + SitePaths.LESSONS,
                String.valueOf(kb.incidents().stream().mapToInt(i -> i.lessons().size()).sum())));
        cards.addAll(calendarCards);
        List<IncidentRow> latest = kb.incidents().stream().limit(LATEST_ON_HOME).map(i -> row(i, root, rowWriter))
                .toList();
        return new HomePage(layout(root, m.get("home.title"), "page-home", "home"), stats, latest, onThisDay,
                root + SitePaths.ANNIVERSARIES, cards,
                root + SitePaths.SEARCH, downloads.stream().map(d -> new LinkView(d, root + d)).toList());
    }

    /** @param calendarLinks the anniversaries and the calendar, as linked from the incidents page */
    IncidentsPage incidents(List<LinkView> calendarLinks) {
        String root = SitePaths.rootFrom(SitePaths.INCIDENTS);
        List<IncidentRow> rows = new MappedRows<>(kb.incidents(), i -> row(i, root, rowWriter));
        List<LinkView> browse = new ArrayList<>();
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            browse.add(new LinkView(m.get("taxonomy." + kind.path()), root + SitePaths.taxonomyIndex(kind)));
        }
        browse.addAll(calendarLinks);
        return new IncidentsPage(layout(root, m.get("incidents.title"), "page-incidents", "incidents"), rows,
                severityOptions(), options(TaxonomyKind.SERVICES), options(TaxonomyKind.TAGS),
                options(TaxonomyKind.YEARS),
                List.of(new IncidentsPage.Option("draft", m.get("status.draft")),
                        new IncidentsPage.Option("review", m.get("status.review")),
                        new IncidentsPage.Option("final", m.get("status.final"))),
                browse);
    }

    /**
     * The search page.
     *
     * @param dataVersion a digest of the search data's entry file, so browsers never pair this page with a
     *                    cached older index; {@code null} when the build wrote no search data
     */
    SearchPage search(String dataVersion) {
        String page = SitePaths.SEARCH;
        String root = SitePaths.rootFrom(page);
        String data = SitePaths.SEARCH_DATA.substring(SitePaths.SEARCH_DATA.lastIndexOf('/') + 1);
        return new SearchPage(layout(root, m.get("search.title"), "page-search", "search"),
                root + assets.searchScript(), dataVersion == null ? null : data + "?v=" + dataVersion, "", root,
                root + SitePaths.INCIDENTS, severityOptions(), termOptions(TaxonomyKind.YEARS),
                termOptions(TaxonomyKind.SERVICES));
    }

    /** Choices valued by the taxonomy term's name, as the search data names them. */
    private List<IncidentsPage.Option> termOptions(TaxonomyKind kind) {
        return kb.taxonomy(kind).terms().stream().map(t -> new IncidentsPage.Option(t.name(), t.name())).toList();
    }

    /** Rows carry the severity as written ("P1", see {@link IncidentRow#severityValue}); the choices must too. */
    private List<IncidentsPage.Option> severityOptions() {
        return kb.taxonomy(TaxonomyKind.SEVERITIES).terms().stream()
                .map(t -> new IncidentsPage.Option(t.name(), t.name())).toList();
    }

    private List<IncidentsPage.Option> options(TaxonomyKind kind) {
        return kb.taxonomy(kind).terms().stream()
                .map(t -> new IncidentsPage.Option(filterValue(t.name()), t.name())).toList();
    }

    /** Filter values are matched against space-separated lists, so spaces inside a name become '_'. */
    static String filterValue(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    TaxonomyIndexPage taxonomyIndex(TaxonomyKind kind) {
        String root = SitePaths.rootFrom(SitePaths.taxonomyIndex(kind));
        Taxonomy taxonomy = kb.taxonomy(kind);
        List<TaxonomyIndexPage.Term> terms = taxonomy.terms().stream()
                .map(t -> new TaxonomyIndexPage.Term(t.name(), root + SitePaths.term(kind, t.slug()), t.count()))
                .toList();
        String title = m.get("taxonomy." + kind.path());
        return new TaxonomyIndexPage(layout(root, title, "page-taxonomy-index", kind.path()), title,
                m.format("taxonomy.lead", terms.size()), terms);
    }

    TaxonomyPage term(TaxonomyKind kind, TaxonomyTerm term) {
        String root = SitePaths.rootFrom(SitePaths.term(kind, term.slug()));
        String title = m.format("taxonomy.term." + kind.path(), term.name());
        return new TaxonomyPage(layout(root, title, "page-taxonomy", kind.path()), title,
                m.format("taxonomy.term.lead", term.count()),
                new MappedRows<>(term.incidents(), i -> sharedRows.row(i, root, x -> row(x, root, sharedRows))));
    }

    LessonsPage lessons() {
        String root = SitePaths.rootFrom(SitePaths.LESSONS);
        Taxonomy tags = kb.taxonomy(TaxonomyKind.TAGS);
        List<LessonsPage.Group> groups = new ArrayList<>();
        for (LessonGroup group : kb.lessonsByTag()) {
            Optional<TaxonomyTerm> tag = group.tag() == null ? Optional.empty() : tags.term(group.tag());
            Function<LessonKind, List<LessonsPage.Item>> items = kind -> group.lessons().stream()
                    .filter(l -> l.lesson().kind() == kind)
                    .map(l -> new LessonsPage.Item(l.lesson().text(), l.incident().id(),
                            root + SitePaths.incident(l.incident().id())))
                    .toList();
            groups.add(new LessonsPage.Group(group.tag() == null ? m.get("lessons.untagged") : group.tag(),
                    "tag-" + tag.map(TaxonomyTerm::slug).orElse("untagged"),
                    tag.map(t -> root + SitePaths.term(TaxonomyKind.TAGS, t.slug())).orElse(null),
                    items.apply(LessonKind.WENT_WELL), items.apply(LessonKind.TO_IMPROVE)));
        }
        return new LessonsPage(layout(root, m.get("lessons.title"), "page-lessons", "lessons"), groups);
    }

    NotFoundPage notFound() {
        // A server shows 404.html at any depth, so relative links cannot work there; the base URL can.
        String root = settings.baseUrl() != null ? settings.baseUrl() : "";
        return new NotFoundPage(layout(root, m.get("notfound.title"), "page-not-found", "none"),
                root + SitePaths.HOME);
    }

    /**
     * @param links resolves the report's relative references, as it did the body's links
     */
    IncidentPage incident(Incident incident, BodyHtml body, LinkTargets links, List<RelatedLink> related) {
        String root = SitePaths.rootFrom(SitePaths.incident(incident.id()));
        IncidentTimes times = incident.times();
        List<Fact> facts = new ArrayList<>();
        if (incident.owner() != null) {
            facts.add(Fact.links(m.get("fact.owner"), List.of(termLink(TaxonomyKind.OWNERS, incident.owner(), root))));
        }
        if (!incident.participants().isEmpty()) {
            facts.add(Fact.text(m.get("fact.participants"), String.join(", ", incident.participants())));
        }
        if (!incident.services().isEmpty()) {
            facts.add(Fact.links(m.get("fact.services"), links(TaxonomyKind.SERVICES, incident.services(), root)));
        }
        if (!incident.tags().isEmpty()) {
            facts.add(Fact.links(m.get("fact.tags"), links(TaxonomyKind.TAGS, incident.tags(), root)));
        }
        facts.add(Fact.time(m.get("fact.started"), formats.dateTime(times.started()), Formats.iso(times.started())));
        addTime(facts, "fact.detected", "fact.ttd", times.detected(), times.timeToDetect());
        addTime(facts, "fact.mitigated", "fact.ttm", times.mitigated(), times.timeToMitigate());
        addTime(facts, "fact.resolved", "fact.ttr", times.resolved(), times.timeToResolve());

        List<Fact> analysis = new ArrayList<>();
        addText(analysis, "fact.rootCause", incident.analysis().rootCause());
        addText(analysis, "fact.trigger", incident.analysis().trigger());
        addText(analysis, "fact.directCause", incident.analysis().directCause());

        Map<String, String> anchors = ActionAnchors.of(incident);
        List<IncidentPage.ActionRow> actions = new ArrayList<>(incident.actions().size());
        int completed = 0;
        for (ActionItem action : incident.actions()) {
            actions.add(actionRow(action, anchors.get(action.id())));
            if (action.status() == ActionStatus.COMPLETED) {
                completed++;
            }
        }
        int total = incident.actions().size();
        double rate = total == 0 ? 0 : completed * 100.0 / total;
        // Rounded as the tracker rounds, so this page and the action pages never differ in the last digit.
        String completion = total == 0 ? null
                : m.format("actions.completion", completed, total, ActionTracker.formatRate(rate));

        return new IncidentPage(layout(root, idAndTitle(incident), "page-incident", "incidents"),
                incident.id(), incident.title(), List.of(severityBadge(incident), statusBadge(incident)),
                incident.summary(), facts, impact(incident.impact()), analysis,
                incident.analysis().contributingFactors(), timeline(incident), incident.analysis().whys(), actions,
                completion, (int) Math.round(rate),
                lessonTexts(incident, LessonKind.WENT_WELL), lessonTexts(incident, LessonKind.TO_IMPROVE),
                toc(incident.source().outline()), body,
                references(incident, links),
                kb.previous(incident).map(i -> new LinkView(idAndTitle(i),
                        "../" + i.id() + "/index.html")).orElse(null),
                kb.next(incident).map(i -> new LinkView(idAndTitle(i),
                        "../" + i.id() + "/index.html")).orElse(null),
                settings.editUrlPattern() == null ? null
                        : SafeUrls.sanitize(settings.editUrlPattern().replace("{path}", incident.source().path())),
                related.stream().map(this::relatedView).toList());
    }

    /** A related incident as linked from an incident page (a sibling directory). */
    private IncidentPage.Related relatedView(RelatedLink link) {
        Incident other = kb.incident(link.id()).orElseThrow();
        return new IncidentPage.Related(other.id(), other.title(), idAndTitle(other),
                "../" + other.id() + "/index.html", severityBadge(other), String.join(" · ", link.reasons()));
    }

    /**
     * "INC-…: title", unless the title already starts with the id (the loader makes such titles for seed
     * reports whose heading is the template's own), so the id is never shown twice.
     */
    static String idAndTitle(Incident incident) {
        return incident.title().startsWith(incident.id()) ? incident.title() : incident.id() + ": " + incident.title();
    }

    /**
     * Web links as written; relative ones (e.g. the front matter's {@code ../2024/INC-….md}) resolved as in
     * the body: another report's page, or a file copied beside this one. Those that cannot be resolved are
     * left out. Their findings were reported for the body already when the references came from it, so
     * they are not reported again here.
     */
    private static List<LinkView> references(Incident incident, LinkTargets links) {
        List<LinkView> views = new ArrayList<>();
        for (Link link : incident.links()) {
            String href = SafeUrls.sanitize(link.url());
            if (!href.equals(SafeUrls.NEUTRALISED) && isLocal(href)) {
                LinkTargets.Target target = links.resolve(href, incident.source().path(), incident.id(), 0,
                        new Diagnostics(incident.source().path()));
                href = target instanceof LinkTargets.Rewrite rewrite ? rewrite.destination()
                        : target instanceof LinkTargets.Keep ? href : SafeUrls.NEUTRALISED;
            }
            if (!href.equals(SafeUrls.NEUTRALISED)) {
                views.add(new LinkView(link.title(), href));
            }
        }
        return views;
    }

    private static boolean isLocal(String href) {
        return !href.contains(":");
    }

    private void addTime(List<Fact> facts, String label, String durationLabel, java.time.OffsetDateTime time,
                         Optional<Duration> since) {
        if (time != null) {
            facts.add(Fact.time(m.get(label), formats.dateTime(time) + " · " + m.get(durationLabel) + " "
                    + formats.duration(since.orElse(null)), Formats.iso(time)));
        }
    }

    private void addText(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(Fact.text(m.get(label), value));
        }
    }

    private List<Fact> impact(Impact impact) {
        List<Fact> facts = new ArrayList<>();
        addText(facts, "impact.scope", impact.scope());
        if (impact.users() != null) {
            facts.add(Fact.text(m.get("impact.users"), m.format("number", impact.users())));
        }
        addText(facts, "impact.dataLoss", impact.dataLoss());
        addPercent(facts, "impact.availability", impact.availability());
        addPercent(facts, "impact.sloBefore", impact.sloBefore());
        addPercent(facts, "impact.sloAfter", impact.sloAfter());
        addPercent(facts, "impact.errorBudget", impact.errorBudgetConsumed());
        return facts;
    }

    private void addPercent(List<Fact> facts, String label, Double value) {
        if (value != null) {
            facts.add(Fact.text(m.get(label), m.format("percent", value)));
        }
    }

    private List<IncidentPage.TimelineRow> timeline(Incident incident) {
        List<IncidentPage.TimelineRow> rows = new ArrayList<>();
        for (TimelineEntry entry : incident.timeline()) {
            rows.add(new IncidentPage.TimelineRow(formats.clock(entry.time(), incident.times().started()),
                    Formats.iso(entry.time()), entry.event(), entry.actor()));
        }
        return rows;
    }

    private IncidentPage.ActionRow actionRow(ActionItem item, String anchor) {
        String overdue = null;
        if (item.isOverdue(kb.asOf())) {
            overdue = m.format("actions.overdue", ChronoUnit.DAYS.between(item.due(), kb.asOf()));
        }
        return new IncidentPage.ActionRow(item.id(), anchor, item.description(), actionStatusBadge(item.status()),
                item.status().label(), priorityBadge(item.priority().label()),
                item.owner() == null ? "" : item.owner(), formats.date(item.due()), Formats.isoDate(item.due()),
                overdue, trackerLink(item));
    }

    /** The tracker link as it may be shown: sanitised, {@code null} when none or when it was not a safe URL. */
    String trackerLink(ActionItem item) {
        String link = item.link() == null ? null : SafeUrls.sanitize(item.link());
        return SafeUrls.NEUTRALISED.equals(link) ? null : link;
    }

    Badge actionStatusBadge(ActionStatus status) {
        return new Badge(m.get("action." + status.label()), "badge action-status action-" + status.label());
    }

    /** @param priority a priority's label, e.g. {@code high} */
    Badge priorityBadge(String priority) {
        return new Badge(m.get("priority." + priority), "badge priority priority-" + priority);
    }

    /** Headings of levels 2 and 3 (the title is the page's own H1). */
    private static List<IncidentPage.TocEntry> toc(List<Section> outline) {
        List<IncidentPage.TocEntry> entries = new ArrayList<>();
        List<IncidentPage.TocEntry> children = null;
        String title = null;
        String anchor = null;
        for (Section section : outline) {
            if (section.level() == 2) {
                if (title != null) {
                    entries.add(new IncidentPage.TocEntry(title, anchor, children));
                }
                title = section.title();
                anchor = section.anchor();
                children = new ArrayList<>();
            } else if (section.level() == 3 && children != null) {
                children.add(new IncidentPage.TocEntry(section.title(), section.anchor(), List.of()));
            }
        }
        if (title != null) {
            entries.add(new IncidentPage.TocEntry(title, anchor, children));
        }
        return entries;
    }

    /**
     * An incident's row as seen from pages at {@code root}, written by {@code writer}. Every incident appears in
     * several tables (the index and each of its taxonomy pages); the tables make their rows as they are written
     * rather than keep them all (see {@link MappedRows}): for 50,000 reports the kept rows were about 150 MB. Only
     * the taxonomy pages' rows are kept, within a budget, for the other pages that list them
     * ({@link SharedIncidentRows}).
     */
    IncidentRow row(Incident incident, String root, RowWriter<IncidentRow> writer) {
        Optional<Duration> ttr = incident.times().timeToResolve();
        // The filter reads the id, title and services from the row's cells; this is what the row does not show.
        String text = String.join(" ", String.join(" ", incident.tags()),
                incident.owner() == null ? "" : incident.owner(),
                incident.summary() == null ? "" : incident.summary()).toLowerCase(Locale.ROOT);
        return new IncidentRow(incident.id(), incident.title(), root + SitePaths.incident(incident.id()),
                severityBadge(incident), incident.severity().name(), links(TaxonomyKind.SERVICES, incident.services(), root),
                formats.date(incident.times().started()), Formats.iso(incident.times().started()),
                formats.duration(ttr.orElse(null)), ttr.map(d -> String.valueOf(d.toMinutes())).orElse(""),
                statusBadge(incident), incident.status().label(),
                openActions(incident), String.valueOf(incident.times().started().getYear()),
                filterValues(incident.services()), filterValues(incident.tags()), text, writer);
    }

    // Loops rather than streams in what runs for every row: with C1, building a stream pipeline for a list of
    // two names cost more than the work, and rows are built 200,000 times for 10,000 reports.

    private static List<String> lessonTexts(Incident incident, LessonKind kind) {
        List<String> texts = new ArrayList<>();
        for (Lesson lesson : incident.lessons(kind)) {
            texts.add(lesson.text());
        }
        return texts;
    }

    private static int openActions(Incident incident) {
        int open = 0;
        for (ActionItem action : incident.actions()) {
            if (!action.isClosed()) {
                open++;
            }
        }
        return open;
    }

    /** The names as a row's filter attribute: each {@link #filterValue}, separated by spaces. */
    static String filterValues(List<String> names) {
        StringBuilder values = new StringBuilder();
        for (String name : names) {
            if (!values.isEmpty()) {
                values.append(' ');
            }
            values.append(filterValue(name));
        }
        return values.toString();
    }

    Badge severityBadge(Incident incident) {
        String sev = incident.severity().name();
        return new Badge(sev, "badge sev sev-" + sev.toLowerCase(Locale.ROOT));
    }

    private Badge statusBadge(Incident incident) {
        String status = incident.status().label();
        return new Badge(m.get("status." + status), "badge report-status status-" + status);
    }

    List<LinkView> links(TaxonomyKind kind, List<String> names, String root) {
        LinkView[] links = new LinkView[names.size()];
        for (int i = 0; i < links.length; i++) {
            links[i] = termLink(kind, names.get(i), root);
        }
        return List.of(links);
    }

    private LinkView termLink(TaxonomyKind kind, String name, String root) {
        return kb.taxonomy(kind).term(name)
                .map(t -> new LinkView(name, root + SitePaths.term(kind, t.slug())))
                .orElseGet(() -> new LinkView(name, root + SitePaths.taxonomyIndex(kind)));
    }
}
