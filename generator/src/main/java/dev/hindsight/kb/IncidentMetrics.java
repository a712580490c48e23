package dev.hindsight.kb;

import dev.hindsight.model.Incident;
import dev.hindsight.model.Severity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The figures of the metrics page for a set of incidents (all of them, one year's, one service's): how
 * many started each month, how fast they were detected, mitigated and resolved quarter by quarter, what
 * they most often involved, the error budget they consumed, and how their action items are getting done.
 * Incidents without the time a figure needs are left out of that figure and counted, so the page can
 * say so. Computed once per page; every list is in a fixed order.
 */
public final class IncidentMetrics {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private final List<Incident> incidents;
    private final ActionTracker tracker;
    private final YearMonth firstMonth;
    private final YearMonth lastMonth;

    private IncidentMetrics(List<Incident> incidents, ActionTracker tracker, YearMonth firstMonth,
                            YearMonth lastMonth) {
        this.incidents = incidents;
        this.tracker = tracker;
        this.firstMonth = firstMonth;
        this.lastMonth = lastMonth;
    }

    /** Every incident, month by month from the first incident's to the as-of date's (or the last incident's). */
    public static IncidentMetrics all(KnowledgeBase kb) {
        return over(kb, kb.incidents(), null);
    }

    /** The incidents that started in {@code year}, January to December (not past the as-of month). */
    public static IncidentMetrics year(KnowledgeBase kb, int year) {
        List<Incident> members = kb.incidents().stream().filter(i -> i.times().started().getYear() == year).toList();
        return over(kb, members, year);
    }

    /** The incidents of one service (or of any taxonomy term). */
    public static IncidentMetrics term(KnowledgeBase kb, TaxonomyTerm term) {
        return over(kb, term.incidents(), null);
    }

    private static IncidentMetrics over(KnowledgeBase kb, List<Incident> members, Integer year) {
        Set<Incident> included = Collections.newSetFromMap(new IdentityHashMap<>());
        included.addAll(members);
        ActionTracker tracker = included.size() == kb.incidents().size() ? kb.tracker()
                : kb.tracker().where(t -> included.contains(t.incident()));
        YearMonth asOfMonth = YearMonth.from(kb.asOf());
        YearMonth latest = members.stream().map(IncidentMetrics::month).max(Comparator.naturalOrder())
                .map(m -> m.isAfter(asOfMonth) ? m : asOfMonth).orElse(asOfMonth);
        YearMonth first;
        YearMonth last;
        if (year != null) {
            first = YearMonth.of(year, 1);
            last = latest.getYear() > year ? YearMonth.of(year, 12) : latest;
        } else {
            first = members.stream().map(IncidentMetrics::month).min(Comparator.naturalOrder()).orElse(asOfMonth);
            last = latest;
        }
        return new IncidentMetrics(members, tracker, first, last.isBefore(first) ? first : last);
    }

    /** Newest first. */
    public List<Incident> incidents() {
        return incidents;
    }

    public boolean isEmpty() {
        return incidents.isEmpty();
    }

    /** Every month from the first to the last of the range, months without incidents included. */
    public List<MonthCount> incidentsPerMonth() {
        Map<YearMonth, Map<Severity, Integer>> counts = new TreeMap<>();
        for (YearMonth m = firstMonth; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            counts.put(m, new EnumMap<>(Severity.class));
        }
        for (Incident incident : incidents) {
            Map<Severity, Integer> month = counts.get(month(incident));
            if (month != null) {
                month.merge(incident.severity(), 1, Integer::sum);
            }
        }
        List<MonthCount> months = new ArrayList<>();
        counts.forEach((month, bySeverity) -> months.add(new MonthCount(month, bySeverity)));
        return months;
    }

    /**
     * One response time by quarter, oldest quarter first: for each quarter every severity that has the time
     * (P0 first), then all severities together ({@code severity} null). Quarters in which no incident gives
     * the time are left out.
     */
    public List<QuarterTimes> responseTimes(TimeMeasure measure) {
        Map<String, Map<Severity, List<Duration>>> byQuarter = new TreeMap<>();
        for (Incident incident : incidents) {
            measure.of(incident.times()).ifPresent(d -> byQuarter
                    .computeIfAbsent(quarter(incident), q -> new EnumMap<>(Severity.class))
                    .computeIfAbsent(incident.severity(), s -> new ArrayList<>()).add(d));
        }
        List<QuarterTimes> rows = new ArrayList<>();
        byQuarter.forEach((quarter, bySeverity) -> {
            List<Duration> all = new ArrayList<>();
            bySeverity.forEach((severity, durations) -> {
                rows.add(new QuarterTimes(quarter, severity, DurationSummary.of(durations)));
                all.addAll(durations);
            });
            rows.add(new QuarterTimes(quarter, null, DurationSummary.of(all)));
        });
        return rows;
    }

    /** How many incidents do not give the time {@code measure} needs (left out of its figures). */
    public int withoutTime(TimeMeasure measure) {
        return (int) incidents.stream().filter(i -> measure.of(i.times()).isEmpty()).count();
    }

    /** The services with the most incidents, most first, then by name. */
    public List<RankedCount> topServices(int limit) {
        return top(Incident::services, limit);
    }

    /** The tags with the most incidents, most first, then by name. */
    public List<RankedCount> topTags(int limit) {
        return top(Incident::tags, limit);
    }

    /**
     * The contributing factors named by the most incidents, most first, then by name. Factors are free
     * text: the same words in another case or spacing count as the same factor.
     */
    public List<RankedCount> topContributingFactors(int limit) {
        return top(i -> i.analysis().contributingFactors(), limit);
    }

    /** Incidents that report the error budget they consumed, oldest first (ties by id). */
    public List<BudgetUse> errorBudget() {
        return incidents.stream().filter(i -> i.impact().errorBudgetConsumed() != null)
                .map(i -> new BudgetUse(i, i.impact().errorBudgetConsumed()))
                .sorted(Comparator.comparing((BudgetUse u) -> u.incident().times().started().toInstant())
                        .thenComparing(u -> u.incident().id()))
                .toList();
    }

    /** How many incidents do not say how much error budget they consumed. */
    public int withoutErrorBudget() {
        return incidents.size() - errorBudget().size();
    }

    /** Action items by the quarter their incident started in, oldest first, with the seed's completion rate. */
    public List<Breakdown> completionByQuarter() {
        return tracker.byQuarter();
    }

    /** Open action items of these incidents at the end of each month (see {@link ActionTracker#burnDown}). */
    public List<BurnDownPoint> burnDown() {
        return tracker.burnDown();
    }

    private List<RankedCount> top(Function<Incident, List<String>> valuesOf, int limit) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        // A few hundred distinct values recur across thousands of incidents (and 50 metrics pages): each is keyed once.
        Map<String, String> keys = new HashMap<>();
        Set<String> ofIncident = new HashSet<>();
        for (Incident incident : incidents) {
            ofIncident.clear();
            for (String value : valuesOf.apply(incident)) {
                String key = keys.computeIfAbsent(value, IncidentMetrics::key);
                if (ofIncident.add(key)) {
                    counts.merge(key, 1, Integer::sum);
                }
                spelling.putIfAbsent(key, value.strip());
            }
        }
        return counts.entrySet().stream()
                .map(e -> new RankedCount(spelling.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt(RankedCount::count).reversed()
                        .thenComparing(RankedCount::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(RankedCount::name))
                .limit(limit)
                .toList();
    }

    /** Case and runs of white space do not make two values different. */
    private static String key(String value) {
        return WHITE_SPACE.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static YearMonth month(Incident incident) {
        return YearMonth.from(incident.times().started());
    }

    private static String quarter(Incident incident) {
        LocalDate date = incident.times().started().toLocalDate();
        return ActionTracker.quarter(date);
    }
}
