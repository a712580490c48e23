package dev.hindsight.kb;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Lesson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loaded incidents seen as a whole, as of a date: newest first, grouped into taxonomies, with
 * their lessons by tag and each incident's neighbours by start time. Immutable; built once per site.
 */
public final class KnowledgeBase {
    /** Newest first; ties (same start) by id so the order never depends on load order. */
    public static final Comparator<Incident> NEWEST_FIRST = Comparator
            .comparing((Incident i) -> i.times().started().toInstant()).reversed()
            .thenComparing(Incident::id);

    private final List<Incident> incidents;
    private final LocalDate asOf;
    private final Map<TaxonomyKind, Taxonomy> taxonomies = new EnumMap<>(TaxonomyKind.class);
    private final Map<String, Integer> positions;
    /** By id in lower case: pages look incidents up by id once per link, so a scan would be quadratic. */
    private final Map<String, Incident> byId;
    private final ActionTracker tracker;
    private final Anniversaries anniversaries;

    public KnowledgeBase(List<Incident> incidents, LocalDate asOf) {
        List<Incident> sorted = newestFirst(incidents);
        this.incidents = sorted;
        this.asOf = asOf;
        positions = new LinkedHashMap<>();
        byId = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            positions.put(sorted.get(i).id(), i);
            byId.putIfAbsent(sorted.get(i).id().toLowerCase(Locale.ROOT), sorted.get(i));
        }
        Comparator<String> byName = String.CASE_INSENSITIVE_ORDER;
        taxonomies.put(TaxonomyKind.SERVICES, Taxonomy.of(TaxonomyKind.SERVICES, this.incidents,
                Incident::services, byName));
        taxonomies.put(TaxonomyKind.TAGS, Taxonomy.of(TaxonomyKind.TAGS, this.incidents, Incident::tags, byName));
        taxonomies.put(TaxonomyKind.SEVERITIES, Taxonomy.of(TaxonomyKind.SEVERITIES, this.incidents,
                i -> List.of(i.severity().name()), Comparator.naturalOrder()));
        taxonomies.put(TaxonomyKind.YEARS, Taxonomy.of(TaxonomyKind.YEARS, this.incidents,
                i -> List.of(String.valueOf(i.times().started().getYear())), Comparator.reverseOrder()));
        tracker = new ActionTracker(this.incidents, asOf);
        anniversaries = new Anniversaries(this.incidents, asOf);
        taxonomies.put(TaxonomyKind.OWNERS, Taxonomy.of(TaxonomyKind.OWNERS, this.incidents,
                i -> i.owner() == null ? List.of() : List.of(i.owner()), byName));
    }

    /** {@code previous} with the incidents that {@code swaps} maps put in place of the ones it maps from. */
    private KnowledgeBase(KnowledgeBase previous, List<Incident> incidents, Map<Incident, Incident> swaps) {
        this.incidents = List.copyOf(incidents);
        this.asOf = previous.asOf;
        this.positions = previous.positions; // same ids in the same places
        this.byId = new HashMap<>(previous.byId);
        swaps.values().forEach(i -> byId.put(i.id().toLowerCase(Locale.ROOT), i));
        previous.taxonomies.forEach((kind, taxonomy) -> taxonomies.put(kind, taxonomy.replacing(swaps)));
        this.tracker = previous.tracker.replacing(swaps);
        this.anniversaries = previous.anniversaries.replacing(swaps);
    }

    /**
     * The knowledge base of {@code incidents} as of {@code asOf}: the same as the constructor's. When
     * {@code previous} was made of the same reports as of the same date and they changed in their sources only
     * (the Markdown body, which nothing here reads: a writer editing prose in the preview), its taxonomies,
     * tracker and anniversaries are taken over with the edited incidents put in place, rather than computed
     * again from every report.
     *
     * @param previous an earlier knowledge base of the same reports, or {@code null}
     */
    public static KnowledgeBase of(List<Incident> incidents, LocalDate asOf, KnowledgeBase previous) {
        if (previous == null || !previous.asOf.equals(asOf) || previous.incidents.size() != incidents.size()
                || previous.positions.size() != previous.incidents.size()) { // the last: it had repeated ids
            return new KnowledgeBase(incidents, asOf);
        }
        Map<String, Incident> now = new HashMap<>();
        Set<String> lowerCase = new HashSet<>();
        for (Incident incident : incidents) {
            // Ids that repeat (even in case only) are the constructor's to settle: it keeps the newest.
            if (now.putIfAbsent(incident.id(), incident) != null
                    || !lowerCase.add(incident.id().toLowerCase(Locale.ROOT))) {
                return new KnowledgeBase(incidents, asOf);
            }
        }
        Map<Incident, Incident> swaps = new IdentityHashMap<>();
        List<Incident> inPlace = new ArrayList<>(incidents.size());
        for (Incident before : previous.incidents) {
            Incident after = now.get(before.id());
            if (after == null) {
                return new KnowledgeBase(incidents, asOf);
            }
            if (after != before) {
                // Same fields, so the same terms, items, dates and place in the order.
                if (!before.withSource(after.source()).equals(after)) {
                    return new KnowledgeBase(incidents, asOf);
                }
                swaps.put(before, after);
            }
            inPlace.add(after);
        }
        return swaps.isEmpty() ? previous : new KnowledgeBase(previous, inPlace, swaps);
    }

    /**
     * In {@link #NEWEST_FIRST} order, each start converted to an instant once rather than twice per comparison
     * (the conversions were most of a rebuild's model time).
     */
    private static List<Incident> newestFirst(List<Incident> incidents) {
        record Keyed(Incident incident, Instant started) {
        }
        return incidents.stream().map(i -> new Keyed(i, i.times().started().toInstant()))
                .sorted(Comparator.comparing(Keyed::started).reversed().thenComparing(k -> k.incident().id()))
                .map(Keyed::incident).toList();
    }

    /** Newest first. */
    public List<Incident> incidents() {
        return incidents;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Taxonomy taxonomy(TaxonomyKind kind) {
        return taxonomies.get(kind);
    }

    /** The incident that started just before this one. */
    public Optional<Incident> previous(Incident incident) {
        int at = positions.get(incident.id());
        return at + 1 < incidents.size() ? Optional.of(incidents.get(at + 1)) : Optional.empty();
    }

    /** The incident that started just after this one. */
    public Optional<Incident> next(Incident incident) {
        int at = positions.get(incident.id());
        return at > 0 ? Optional.of(incidents.get(at - 1)) : Optional.empty();
    }

    /** The action items tracked as of the knowledge base's date. */
    public ActionTracker tracker() {
        return tracker;
    }

    /** The incidents whose anniversary is on or soon after the knowledge base's date. */
    public Anniversaries anniversaries() {
        return anniversaries;
    }

    public List<ActionItem> actions() {
        return incidents.stream().flatMap(i -> i.actions().stream()).toList();
    }

    public List<ActionItem> openActions() {
        return actions().stream().filter(a -> !a.isClosed()).toList();
    }

    public List<ActionItem> overdueActions() {
        return actions().stream().filter(a -> a.isOverdue(asOf)).toList();
    }

    /** Incidents of severity P0 or P1 that started in the as-of date's year. */
    public long majorIncidentsThisYear() {
        return incidents.stream().filter(i -> i.severity().level() <= 1)
                .filter(i -> i.times().started().getYear() == asOf.getYear()).count();
    }

    /**
     * Every lesson grouped by the tags of its incident (a lesson appears under each tag), tags in name
     * order, then the lessons of untagged incidents last.
     */
    public List<LessonGroup> lessonsByTag() {
        Map<String, List<LessonGroup.SourcedLesson>> byTag = new LinkedHashMap<>();
        List<LessonGroup.SourcedLesson> untagged = new ArrayList<>();
        for (TaxonomyTerm tag : taxonomy(TaxonomyKind.TAGS).terms()) {
            List<LessonGroup.SourcedLesson> lessons = new ArrayList<>();
            for (Incident incident : tag.incidents()) {
                for (Lesson lesson : incident.lessons()) {
                    lessons.add(new LessonGroup.SourcedLesson(lesson, incident));
                }
            }
            if (!lessons.isEmpty()) {
                byTag.put(tag.name(), lessons);
            }
        }
        for (Incident incident : incidents) {
            if (incident.tags().isEmpty()) {
                incident.lessons().forEach(l -> untagged.add(new LessonGroup.SourcedLesson(l, incident)));
            }
        }
        List<LessonGroup> groups = new ArrayList<>();
        byTag.forEach((tag, lessons) -> groups.add(new LessonGroup(tag, lessons)));
        if (!untagged.isEmpty()) {
            groups.add(new LessonGroup(null, untagged));
        }
        return groups;
    }

    /** Looks an incident up by id, case-insensitively (ids are unique that way). */
    public Optional<Incident> incident(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }
}
