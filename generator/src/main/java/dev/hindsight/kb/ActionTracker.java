package dev.hindsight.kb;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The seed's {@code ActionItemTracker}, kept exactly (see docs/action-tracking.md): an item is overdue
 * when it is neither completed nor cancelled and due strictly before the as-of date; the completion
 * rate is completed / all items × 100 with cancelled items in the denominator, 0.0 when there are
 * none; a completed item without a date counts as completed on the as-of date. Beyond the seed:
 * breakdowns, ages, quarters and a burn-down. Items are in a stable order: incidents newest first, then
 * the report's order.
 */
public final class ActionTracker {
    /** Overdue items are listed by due date, then id (the seed's HashMap order is undefined). */
    public static final Comparator<TrackedItem> BY_DUE_THEN_ID = Comparator
            .comparing((TrackedItem t) -> t.item().due())
            .thenComparing(t -> t.item().qualifiedId());

    private final LocalDate asOf;
    private final List<TrackedItem> items;
    /** {@link #byOwner()}, once asked for: a rebuild's tracker takes it over when only incidents' bodies changed. */
    private volatile List<Breakdown> byOwner;
    /** {@link #overdue()}, once asked for (sorting tens of thousands of items each time was 1% of a build). */
    private volatile List<TrackedItem> overdue;

    /** @param incidents in the order items should be listed (the knowledge base's: newest first) */
    public ActionTracker(List<Incident> incidents, LocalDate asOf) {
        this.asOf = asOf;
        List<TrackedItem> tracked = new ArrayList<>();
        for (Incident incident : incidents) {
            for (ActionItem item : incident.actions()) {
                boolean overdue = item.isOverdue(asOf);
                long daysLate = overdue ? ChronoUnit.DAYS.between(item.due(), asOf) : 0;
                long age = item.isClosed() ? 0
                        : Math.max(0, ChronoUnit.DAYS.between(incident.times().started().toLocalDate(), asOf));
                LocalDate completedOn = item.status() != ActionStatus.COMPLETED ? null
                        : item.completed() != null ? item.completed() : asOf;
                tracked.add(new TrackedItem(item, incident, overdue, daysLate, age, completedOn));
            }
        }
        this.items = List.copyOf(tracked);
    }

    private ActionTracker(LocalDate asOf, List<TrackedItem> items) {
        this.asOf = asOf;
        this.items = List.copyOf(items);
    }

    /**
     * This tracker with the incidents {@code swaps} maps (by identity) replaced, each with the same fields (so
     * the same items, figures and order): an item of a replaced incident becomes the new incident's item in the
     * same place. Only for the knowledge base's whole tracker, where each incident's items are all there, together
     * and in order (not for one made by {@link #where}).
     */
    ActionTracker replacing(Map<Incident, Incident> swaps) {
        List<TrackedItem> replaced = new ArrayList<>(items.size());
        Incident current = null;
        int next = 0;
        for (TrackedItem t : items) {
            Incident now = swaps.get(t.incident());
            if (now == null) {
                replaced.add(t);
                continue;
            }
            if (t.incident() != current) { // an incident's items are listed together, in its order
                current = t.incident();
                next = 0;
            }
            replaced.add(new TrackedItem(now.actions().get(next++), now, t.overdue(), t.daysLate(), t.ageDays(),
                    t.completedOn()));
        }
        ActionTracker tracker = new ActionTracker(asOf, replaced);
        tracker.byOwner = byOwner; // the same fields, so the same figures
        return tracker;
    }

    /** The same tracker restricted to some items (one owner's, the overdue ones...), in the same order. */
    public ActionTracker where(Predicate<TrackedItem> filter) {
        return new ActionTracker(asOf, items.stream().filter(filter).toList());
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** Every item, incidents newest first, then the report's order. */
    public List<TrackedItem> items() {
        return items;
    }

    public List<TrackedItem> open() {
        return items.stream().filter(t -> !t.item().isClosed()).toList();
    }

    /** Overdue items by due date, then id. */
    public List<TrackedItem> overdue() {
        List<TrackedItem> sorted = overdue;
        if (sorted == null) { // as byOwner(): the home page, the action pages and two exports all ask
            sorted = items.stream().filter(TrackedItem::overdue).sorted(BY_DUE_THEN_ID).toList();
            overdue = sorted;
        }
        return sorted;
    }

    public int total() {
        return items.size();
    }

    public int count(ActionStatus status) {
        return (int) items.stream().filter(t -> t.item().status() == status).count();
    }

    /** The seed's completion rate over every item. */
    public double completionRate() {
        return rate(count(ActionStatus.COMPLETED), total());
    }

    static double rate(int completed, int total) {
        return total == 0 ? 0.0 : completed * 100.0 / total;
    }

    /**
     * One decimal, as the seed's Rust {@code {:.1}} prints: rounding the exact binary value to nearest,
     * ties to even (Java's own %.1f would round ties up).
     */
    public static String formatRate(double rate) {
        return new BigDecimal(rate).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    public List<Breakdown> byOwner() {
        List<Breakdown> owners = byOwner;
        if (owners == null) { // computed twice at worst when pages ask at once; the result is the same
            owners = breakdown(t -> t.item().owner() == null ? "" : t.item().owner(), Comparator.naturalOrder());
            byOwner = owners;
        }
        return owners;
    }

    /** By priority, critical first. */
    public List<Breakdown> byPriority() {
        return breakdown(t -> t.item().priority().label(), Comparator.comparing(ActionTracker::priorityRank));
    }

    /** By status, in the enum's order. */
    public List<Breakdown> byStatus() {
        return breakdown(t -> t.item().status().label(), Comparator.comparing(ActionTracker::statusRank));
    }

    /** By term (immediate, short, long; items without a term under ""). */
    public List<Breakdown> byTerm() {
        return breakdown(t -> t.item().term() == null ? "" : t.item().term().label(),
                Comparator.comparing(ActionTracker::termRank));
    }

    /** By incident, in the tracker's incident order. */
    public List<Breakdown> byIncident() {
        Map<String, Tally> groups = new LinkedHashMap<>();
        items.forEach(t -> groups.computeIfAbsent(t.incident().id(), k -> new Tally()).add(t));
        return groups.entrySet().stream().map(e -> e.getValue().breakdown(e.getKey())).toList();
    }

    /** By service of the incident (an item counts under each of its incident's services). */
    public List<Breakdown> byService() {
        Map<String, Tally> groups = new TreeMap<>();
        for (TrackedItem t : items) {
            for (String service : t.incident().services()) {
                groups.computeIfAbsent(service, k -> new Tally()).add(t);
            }
        }
        return groups.entrySet().stream().map(e -> e.getValue().breakdown(e.getKey())).toList();
    }

    /** By quarter of the incident's start ("2025-Q4"), oldest first. */
    public List<Breakdown> byQuarter() {
        return breakdown(t -> quarter(t.incident().times().started().toLocalDate()), Comparator.naturalOrder());
    }

    static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
    }

    /**
     * Open items at the end of each month from the first incident's month to the as-of date's month
     * (the last point is the as-of date itself). Empty when there are no items.
     */
    public List<BurnDownPoint> burnDown() {
        List<TrackedItem> charted = items.stream().filter(t -> t.item().status() != ActionStatus.CANCELLED).toList();
        if (charted.isEmpty()) {
            return List.of();
        }
        LocalDate first = charted.stream().map(t -> t.incident().times().started().toLocalDate())
                .min(Comparator.naturalOrder()).orElseThrow();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(asOf); month = month.plusMonths(1)) {
            LocalDate end = month.plusMonths(1).minusDays(1);
            dates.add(end.isAfter(asOf) ? asOf : end);
        }
        // An item is open on the dates from its incident's start up to (not including) its completion: add it
        // where that span begins and take it away where it ends, then sum up. Linear in items plus months,
        // where counting every item on every date was their product (a second per chart on large bases).
        int[] change = new int[dates.size() + 1];
        for (TrackedItem t : charted) {
            int opens = firstOnOrAfter(dates, t.incident().times().started().toLocalDate());
            int closes = t.completedOn() == null ? dates.size() : firstOnOrAfter(dates, t.completedOn());
            if (opens < closes) {
                change[opens]++;
                change[closes]--;
            }
        }
        List<BurnDownPoint> points = new ArrayList<>(dates.size());
        int open = 0;
        for (int i = 0; i < dates.size(); i++) {
            open += change[i];
            points.add(new BurnDownPoint(dates.get(i), open));
        }
        return points;
    }

    /** The index of the first of the ascending {@code dates} on or after {@code date}; the size when none is. */
    private static int firstOnOrAfter(List<LocalDate> dates, LocalDate date) {
        int low = 0;
        int high = dates.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (dates.get(mid).isBefore(date)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private List<Breakdown> breakdown(Function<TrackedItem, String> key, Comparator<String> order) {
        // Counted in a hash map and sorted once: tens of thousands of items fall into a few dozen groups, and a
        // sorted map would compare keys through the comparator chain for every item.
        Map<String, Tally> groups = new HashMap<>();
        items.forEach(t -> groups.computeIfAbsent(key.apply(t), k -> new Tally()).add(t));
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort(order.thenComparing(Comparator.naturalOrder()));
        return keys.stream().map(k -> groups.get(k).breakdown(k)).toList();
    }

    /** A group's counts, kept as its items are met (no lists of items: the groups only need the figures). */
    private static final class Tally {
        private int total;
        private int completed;
        private int open;
        private int overdue;

        void add(TrackedItem t) {
            total++;
            completed += t.item().status() == ActionStatus.COMPLETED ? 1 : 0;
            open += t.item().isClosed() ? 0 : 1;
            overdue += t.overdue() ? 1 : 0;
        }

        Breakdown breakdown(String key) {
            return new Breakdown(key, total, completed, open, overdue);
        }
    }

    private static int priorityRank(String label) {
        return List.of("critical", "high", "medium", "low").indexOf(label);
    }

    private static int statusRank(String label) {
        return List.of("not-started", "in-progress", "completed", "blocked", "cancelled").indexOf(label);
    }

    private static int termRank(String label) {
        int rank = List.of("immediate", "short", "long").indexOf(label);
        return rank < 0 ? 3 : rank;
    }
}
