package dev.hindsight.site;

import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.Breakdown;
import dev.hindsight.kb.BurnDownPoint;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;
import dev.hindsight.site.page.ActionCounts;
import dev.hindsight.site.page.ActionItemRow;
import dev.hindsight.site.page.ActionOwnerPage;
import dev.hindsight.site.page.ActionOwnersPage;
import dev.hindsight.site.page.ActionsPage;
import dev.hindsight.site.page.Badge;
import dev.hindsight.site.page.FilterOption;
import dev.hindsight.site.page.LinkView;
import dev.hindsight.site.page.MappedRows;
import dev.hindsight.site.page.OverdueActionsPage;
import dev.hindsight.site.page.Stat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page models of the action-tracking pages: every item with the tracker's figures, the overdue items,
 * and one page per owner. The figures are the tracker's own (see docs/action-tracking.md), so the pages
 * say what the tracking report and the exports say. Frames, badges and links come from
 * {@link PageModels}, so these pages look like the rest.
 */
final class ActionPageModels {
    /** See {@link #itemsByOwner()}; filled on first use (pages render in parallel, a repeated fill is harmless). */
    private volatile Map<String, List<TrackedItem>> byOwner;

    /** Closed items on an owner's page: completed ones latest first, then cancelled ones, each by id. */
    private static final Comparator<TrackedItem> LATEST_CLOSED_FIRST = Comparator
            .comparing((TrackedItem t) -> t.completedOn() == null)
            .thenComparing(TrackedItem::completedOn, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(t -> t.item().qualifiedId());

    /** The pages every action page links to: a site path and the message key of its title. */
    private record Section(String path, String titleKey) {
    }

    private static final List<Section> SECTIONS = List.of(new Section(SitePaths.ACTIONS, "actions.title"),
            new Section(SitePaths.OVERDUE_ACTIONS, "actions.overdue.title"),
            new Section(SitePaths.ACTION_OWNERS, "actions.owners.title"));

    private final KnowledgeBase kb;
    private final ActionTracker tracker;
    private final Messages m;
    private final Formats formats;
    private final PageModels pages;
    private final List<Breakdown> owners;
    private final ActionOwnerSlugs slugs;
    private final Map<String, Map<String, String>> anchors = new ConcurrentHashMap<>();

    ActionPageModels(KnowledgeBase kb, Messages messages, PageModels pages) {
        this.kb = kb;
        this.tracker = kb.tracker();
        this.m = messages;
        this.formats = new Formats(messages);
        this.pages = pages;
        List<Breakdown> byOwner = tracker.byOwner();
        List<Breakdown> ordered = new ArrayList<>();
        // Named owners in the tracker's order; items without an owner last, as a footnote rather than a lead.
        byOwner.stream().filter(b -> !b.key().equals(ActionOwnerSlugs.UNASSIGNED)).forEach(ordered::add);
        byOwner.stream().filter(b -> b.key().equals(ActionOwnerSlugs.UNASSIGNED)).forEach(ordered::add);
        this.owners = List.copyOf(ordered);
        this.slugs = new ActionOwnerSlugs(owners.stream().map(Breakdown::key).toList(),
                kb.taxonomy(TaxonomyKind.OWNERS));
    }

    /** Everyone with items (and the unassigned items, if any), each with a page. */
    List<Breakdown> owners() {
        return owners;
    }

    /** The site path of an owner's page. */
    String ownerPath(Breakdown owner) {
        return SitePaths.actionOwner(slugs.slug(owner.key()));
    }

    ActionsPage index() {
        String root = SitePaths.rootFrom(SitePaths.ACTIONS);
        List<Stat> stats = List.of(
                new Stat(String.valueOf(tracker.total()), m.get("actions.stat.total"), null, false),
                new Stat(String.valueOf(tracker.count(ActionStatus.COMPLETED)), m.get("actions.stat.completed"),
                        null, false),
                new Stat(String.valueOf(tracker.count(ActionStatus.IN_PROGRESS)), m.get("actions.stat.inProgress"),
                        null, false),
                new Stat(String.valueOf(tracker.overdue().size()), m.get("actions.stat.overdue"),
                        root + SitePaths.OVERDUE_ACTIONS, !tracker.overdue().isEmpty()),
                new Stat(rate(tracker.completionRate()), m.get("actions.stat.rate"), null, false));
        List<ActionCounts> byPriority = tracker.byPriority().stream()
                .map(b -> counts(b, m.get("priority." + b.key()), null, pages.priorityBadge(b.key()))).toList();
        List<ActionCounts> byQuarter = tracker.byQuarter().stream().map(b -> counts(b, b.key(), null, null)).toList();
        int incidents = tracker.byIncident().size();
        return new ActionsPage(pages.layout(root, m.get("actions.title"), "page-actions", "actions"),
                m.format("actions.lead", tracker.total(), incidents, formats.date(kb.asOf())), stats, byPriority,
                byQuarter, burnDown(), new MappedRows<>(tracker.items(), t -> row(t, root)),
                tracker.byStatus().stream().map(b -> new FilterOption(b.key(), m.get("action." + b.key()))).toList(),
                tracker.byPriority().stream().map(b -> new FilterOption(b.key(), m.get("priority." + b.key())))
                        .toList(),
                owners.stream().map(b -> new FilterOption(slugs.slug(b.key()), ownerName(b.key()))).toList(),
                serviceOptions(), related(SitePaths.ACTIONS));
    }

    OverdueActionsPage overdue() {
        String root = SitePaths.rootFrom(SitePaths.OVERDUE_ACTIONS);
        List<TrackedItem> overdue = tracker.overdue();
        return new OverdueActionsPage(pages.layout(root, m.get("actions.overdue.title"), "page-actions-overdue",
                "actions"), m.format("actions.overdue.lead", overdue.size(), formats.date(kb.asOf())),
                new MappedRows<>(overdue, t -> row(t, root)), related(SitePaths.OVERDUE_ACTIONS));
    }

    ActionOwnersPage ownerIndex() {
        String root = SitePaths.rootFrom(SitePaths.ACTION_OWNERS);
        List<ActionCounts> rows = owners.stream()
                .map(b -> counts(b, ownerName(b.key()), root + ownerPath(b), null)).toList();
        return new ActionOwnersPage(pages.layout(root, m.get("actions.owners.title"), "page-action-owners",
                "actions"), m.format("actions.owners.lead", rows.size()), rows, related(SitePaths.ACTION_OWNERS));
    }

    /** Items grouped by owner once: every owner's page needs its own, and there can be hundreds of owners. */
    private Map<String, List<TrackedItem>> itemsByOwner() {
        Map<String, List<TrackedItem>> groups = byOwner;
        if (groups == null) {
            groups = tracker.items().stream().collect(java.util.stream.Collectors.groupingBy(
                    t -> ownerKey(t.item()), LinkedHashMap::new, java.util.stream.Collectors.toList()));
            byOwner = groups;
        }
        return groups;
    }

    ActionOwnerPage owner(Breakdown owner) {
        String root = SitePaths.rootFrom(ownerPath(owner));
        List<TrackedItem> items = itemsByOwner().getOrDefault(owner.key(), List.of());
        List<ActionItemRow> overdue = new MappedRows<>(items.stream().filter(TrackedItem::overdue)
                .sorted(ActionTracker.BY_DUE_THEN_ID).toList(), t -> row(t, root));
        List<ActionItemRow> open = new MappedRows<>(items.stream().filter(t -> !t.item().isClosed() && !t.overdue())
                .sorted(ActionTracker.BY_DUE_THEN_ID).toList(), t -> row(t, root));
        List<ActionItemRow> closed = new MappedRows<>(items.stream().filter(t -> t.item().isClosed())
                .sorted(LATEST_CLOSED_FIRST).toList(), t -> row(t, root));
        List<Stat> stats = List.of(
                new Stat(String.valueOf(owner.total()), m.get("actions.stat.total"), null, false),
                new Stat(String.valueOf(owner.open()), m.get("actions.stat.open"), null, false),
                new Stat(String.valueOf(owner.overdue()), m.get("actions.stat.overdue"), null,
                        owner.overdue() > 0),
                new Stat(String.valueOf(owner.completed()), m.get("actions.stat.completed"), null, false),
                new Stat(rate(owner.completionRate()), m.get("actions.stat.rate"), null, false));
        List<LinkView> related = new ArrayList<>();
        Optional<TaxonomyTerm> reportOwner = owner.key().equals(ActionOwnerSlugs.UNASSIGNED) ? Optional.empty()
                : kb.taxonomy(TaxonomyKind.OWNERS).term(owner.key());
        reportOwner.ifPresent(t -> related.add(new LinkView(m.format("actions.owner.reports", owner.key()),
                root + SitePaths.term(TaxonomyKind.OWNERS, t.slug()))));
        related.addAll(related(ownerPath(owner)));
        String title = owner.key().equals(ActionOwnerSlugs.UNASSIGNED) ? m.get("actions.owner.unassignedTitle")
                : m.format("actions.owner.title", owner.key());
        return new ActionOwnerPage(pages.layout(root, title, "page-action-owner", "actions"), title, stats, overdue,
                open, closed, related);
    }

    /** The action pages other than {@code current}, as linked from it. */
    private List<LinkView> related(String current) {
        String root = SitePaths.rootFrom(current);
        List<LinkView> links = new ArrayList<>();
        for (Section section : SECTIONS) {
            if (!section.path().equals(current)) {
                links.add(new LinkView(m.get(section.titleKey()), root + section.path()));
            }
        }
        return links;
    }

    private ActionsPage.BurnDown burnDown() {
        List<BurnDownPoint> points = tracker.burnDown();
        if (points.isEmpty()) {
            return null;
        }
        BurnDownPoint first = points.get(0);
        BurnDownPoint last = points.get(points.size() - 1);
        int max = points.stream().mapToInt(BurnDownPoint::open).max().orElse(0);
        ChartLabels labels = new ChartLabels(m.get("actions.burndown.title"),
                m.format("actions.burndown.desc", formats.date(first.date()), first.open(), formats.date(last.date()),
                        last.open(), max),
                m.get("actions.burndown.x"), m.get("actions.burndown.y"));
        return new ActionsPage.BurnDown(BurnDownChart.svg(points, labels), points.stream()
                .map(p -> new ActionsPage.Point(formats.date(p.date()), Formats.isoDate(p.date()), p.open())).toList());
    }

    /** Services of the incidents with items; names that differ only in case are one choice, as on the rows. */
    private List<FilterOption> serviceOptions() {
        Map<String, String> choices = new LinkedHashMap<>();
        tracker.byService().forEach(b -> choices.putIfAbsent(PageModels.filterValue(b.key()), b.key()));
        return choices.entrySet().stream().map(e -> new FilterOption(e.getKey(), e.getValue())).toList();
    }

    private ActionCounts counts(Breakdown b, String label, String href, Badge badge) {
        return new ActionCounts(label, href, badge, b.total(), b.completed(), b.open(), b.overdue(),
                rate(b.completionRate()), (int) Math.round(b.completionRate()));
    }

    /** The seed's "41.7%". */
    private static String rate(double rate) {
        return ActionTracker.formatRate(rate) + "%";
    }

    static String ownerKey(ActionItem item) {
        return item.owner() == null ? ActionOwnerSlugs.UNASSIGNED : item.owner();
    }

    private String ownerName(String key) {
        return key.equals(ActionOwnerSlugs.UNASSIGNED) ? m.get("actions.unassigned") : key;
    }

    private ActionItemRow row(TrackedItem tracked, String root) {
        ActionItem item = tracked.item();
        Incident incident = tracked.incident();
        String incidentHref = root + SitePaths.incident(incident.id());
        String anchor = anchors.computeIfAbsent(incident.id(), id -> ActionAnchors.of(incident)).get(item.id());
        String owner = ownerKey(item);
        String link = pages.trackerLink(item);
        return new ActionItemRow(item.qualifiedId(), incidentHref + "#" + anchor, item.description(),
                new LinkView(incident.id(), incidentHref), incident.title(), pages.actionStatusBadge(item.status()),
                item.status().label(), item.status().ordinal(), pages.priorityBadge(item.priority().label()),
                item.priority().label(), item.priority().ordinal(),
                new LinkView(ownerName(owner), root + SitePaths.actionOwner(slugs.slug(owner))), slugs.slug(owner),
                formats.date(item.due()), Formats.isoDate(item.due()),
                tracked.overdue() ? m.format("actions.overdue", tracked.daysLate()) : null,
                tracked.overdue() ? String.valueOf(tracked.daysLate()) : "", tracked.overdue() ? "yes" : "no",
                formats.date(tracked.completedOn()), Formats.isoDate(tracked.completedOn()),
                pages.links(TaxonomyKind.SERVICES, incident.services(), root),
                PageModels.filterValues(incident.services()), link);
    }
}
