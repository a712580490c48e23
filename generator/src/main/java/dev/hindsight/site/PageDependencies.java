package dev.hindsight.site;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.DeflatedText;
import dev.hindsight.model.ReportSource;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which pages an edit touches, from the knowledge base a site was rendered from and the one it is rebuilt
 * from. Only edits that keep every incident in its place and every taxonomy term, owner and year as it was are
 * handled page by page ({@link #between} gives nothing otherwise, and the whole site is rendered): those change
 * the set of pages, the navigation between incidents or links on every page.
 *
 * <p>Two kinds of change: an incident whose report changed only in its body (prose outside the parsed fields)
 * shows differently only on its own page; one whose fields changed (title, times, services, actions, lessons,
 * ...) also on every page that lists it: its neighbours' and the incidents' that link to it as related, the
 * pages of its terms, owners and year (as they were and as they are), and the site-wide pages.
 */
final class PageDependencies {
    private final KnowledgeBase kb;
    private final Set<String> changed = new HashSet<>();
    private final Set<String> listed = new HashSet<>();
    private final Set<String> relatedChanged = new HashSet<>();
    private final Map<TaxonomyKind, Set<String>> terms = new EnumMap<>(TaxonomyKind.class);
    private final Set<String> owners = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();
    private boolean exported;

    private PageDependencies(KnowledgeBase kb) {
        this.kb = kb;
    }

    /**
     * The dependencies of a rebuild of {@code previous} from {@code kb}; empty when the edit changes the site's
     * structure and every page must be rendered again.
     */
    static Optional<PageDependencies> between(RenderedSite previous, KnowledgeBase kb,
                                              Map<String, List<RelatedLink>> related) {
        List<Incident> before = previous.kb().incidents();
        List<Incident> after = kb.incidents();
        if (before.size() != after.size() || !sameTerms(previous.kb(), kb)) {
            return Optional.empty();
        }
        PageDependencies dependencies = new PageDependencies(kb);
        boolean ownersMoved = false;
        for (int i = 0; i < after.size(); i++) {
            Incident old = before.get(i);
            Incident now = after.get(i);
            if (!old.id().equals(now.id()) || !old.source().path().equals(now.source().path())) {
                return Optional.empty(); // moved, renamed or replaced: links and neighbours change everywhere
            }
            if (old != now && !old.equals(now)) {
                dependencies.changed.add(now.id());
                dependencies.exported |= !withoutText(old).equals(withoutText(now));
                // A body heading can take an action row's anchor, which the tracking pages link to.
                if (!old.withSource(now.source()).equals(now) || !ActionAnchors.of(old).equals(ActionAnchors.of(now))) {
                    dependencies.listed(old);
                    dependencies.listed(now);
                    ownersMoved |= !ownerKeys(List.of(old)).equals(ownerKeys(List.of(now)));
                }
            }
        }
        // The owners of all actions are those of the unchanged incidents' and the changed ones': the same set
        // unless a changed incident's owners changed, and only then is it worth collecting them all.
        if (ownersMoved && !ownerKeys(previous.kb().incidents()).equals(ownerKeys(after))) {
            return Optional.empty();
        }
        for (Incident incident : after) {
            List<RelatedLink> links = related.getOrDefault(incident.id(), List.of());
            List<RelatedLink> linksBefore = previous.related().getOrDefault(incident.id(), List.of());
            if (links != linksBefore && !links.equals(linksBefore)) {
                dependencies.relatedChanged.add(incident.id());
            }
        }
        return Optional.of(dependencies);
    }

    /** Same terms with the same slugs (with the same incidents, owners and places, the same pages). */
    private static boolean sameTerms(KnowledgeBase before, KnowledgeBase after) {
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            List<String> old = before.taxonomy(kind).terms().stream().map(t -> t.name() + "\n" + t.slug()).toList();
            List<String> now = after.taxonomy(kind).terms().stream().map(t -> t.name() + "\n" + t.slug()).toList();
            if (!old.equals(now)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> ownerKeys(List<Incident> incidents) {
        Set<String> keys = new HashSet<>();
        incidents.forEach(i -> i.actions().forEach(a -> keys.add(ActionPageModels.ownerKey(a))));
        return keys;
    }

    /** The incident without its Markdown text, which no export contains (they have its outline). */
    private static Incident withoutText(Incident i) {
        ReportSource source = i.source();
        return i.withSource(new ReportSource(source.path(), source.style(), DeflatedText.EMPTY, source.bodyLine(),
                source.outline()));
    }

    /** Remembers where a changed incident is (or was) listed. */
    private void listed(Incident incident) {
        listed.add(incident.id());
        terms.computeIfAbsent(TaxonomyKind.SERVICES, k -> new HashSet<>()).addAll(incident.services());
        terms.computeIfAbsent(TaxonomyKind.TAGS, k -> new HashSet<>()).addAll(incident.tags());
        years.add(incident.times().started().getYear());
        for (ActionItem action : incident.actions()) {
            owners.add(ActionPageModels.ownerKey(action));
        }
    }

    /** Whether anything but bodies changed: the site-wide pages (home, lists, tracking, metrics) change. */
    boolean anyListed() {
        return !listed.isEmpty();
    }

    /** Whether any report changed at all. */
    boolean anyChanged() {
        return !changed.isEmpty();
    }

    /** Whether any report changed in more than its Markdown text: the exports change. */
    boolean anyExported() {
        return exported;
    }

    /**
     * An incident's page: when its incident or its related links changed, or an incident it links to (related,
     * previous, next) is listed differently. Asked for every incident, and after most edits (prose) none is.
     */
    boolean incidentPage(Incident incident, List<RelatedLink> related) {
        if (changed.contains(incident.id()) || relatedChanged.contains(incident.id())) {
            return true;
        }
        return !listed.isEmpty() && (related.stream().anyMatch(r -> listed.contains(r.id()))
                || kb.previous(incident).map(i -> listed.contains(i.id())).orElse(false)
                || kb.next(incident).map(i -> listed.contains(i.id())).orElse(false));
    }

    /**
     * A term's page. Service and tag pages: when a changed incident has or had the term; the other kinds (years,
     * severities, owners of reports) whenever an incident listed on them changed, or any did (their terms are
     * few and a changed field may move an incident between them).
     */
    boolean termPage(TaxonomyKind kind, TaxonomyTerm term) {
        if (!anyListed()) {
            return false; // nothing but bodies changed, which no term page shows
        }
        if (kind == TaxonomyKind.SERVICES || kind == TaxonomyKind.TAGS) {
            return terms.getOrDefault(kind, Set.of()).stream().anyMatch(t -> t.equalsIgnoreCase(term.name()))
                    || lists(term.incidents());
        }
        return anyListed();
    }

    boolean ownerPage(String ownerKey) {
        return owners.contains(ownerKey);
    }

    boolean yearPage(int year) {
        return years.contains(year);
    }

    private boolean lists(Collection<Incident> incidents) {
        return incidents.stream().anyMatch(i -> listed.contains(Objects.requireNonNull(i).id()));
    }
}
