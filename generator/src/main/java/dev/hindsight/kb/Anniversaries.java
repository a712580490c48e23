package dev.hindsight.kb;

import dev.hindsight.model.Incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Incidents whose start date comes round again around the as-of date: those of this very day in earlier
 * years, and those whose anniversary falls within the next {@value #UPCOMING_DAYS} days. An incident's
 * date is its start in its own UTC offset, as on its page.
 */
public final class Anniversaries {
    /** How far ahead upcoming anniversaries reach: the as-of date and this many days after it. */
    public static final int UPCOMING_DAYS = 30;

    private static final Comparator<Anniversary> BY_DATE_THEN_NEWEST = Comparator
            .comparing(Anniversary::date)
            .thenComparing(Anniversary::incident, KnowledgeBase.NEWEST_FIRST);

    private final List<Anniversary> upcoming;
    private final LocalDate asOf;

    /** @param incidents the knowledge base's incidents, in any order */
    public Anniversaries(List<Incident> incidents, LocalDate asOf) {
        this.asOf = asOf;
        LocalDate last = asOf.plusDays(UPCOMING_DAYS);
        List<Anniversary> found = new ArrayList<>();
        for (Incident incident : incidents) {
            LocalDate started = incident.times().started().toLocalDate();
            // The window is shorter than a year, so it holds at most one anniversary of each incident, in
            // the as-of year or, when the window crosses New Year, in the next.
            for (int year = asOf.getYear(); year <= last.getYear(); year++) {
                if (year <= started.getYear()) {
                    continue;
                }
                // withYear moves 29 February to the 28th in a year without a 29th.
                LocalDate date = started.withYear(year);
                if (!date.isBefore(asOf) && !date.isAfter(last)) {
                    found.add(new Anniversary(incident, date, year - started.getYear()));
                }
            }
        }
        found.sort(BY_DATE_THEN_NEWEST);
        this.upcoming = List.copyOf(found);
    }

    private Anniversaries(LocalDate asOf, List<Anniversary> upcoming) {
        this.asOf = asOf;
        this.upcoming = List.copyOf(upcoming);
    }

    /** These anniversaries with the incidents {@code swaps} maps replaced (same dates, so the same order). */
    Anniversaries replacing(Map<Incident, Incident> swaps) {
        return new Anniversaries(asOf, upcoming.stream()
                .map(a -> swaps.containsKey(a.incident())
                        ? new Anniversary(swaps.get(a.incident()), a.date(), a.yearsAgo()) : a)
                .toList());
    }

    /** Incidents that started on the as-of date's month and day in an earlier year, the most recent first. */
    public List<Anniversary> onThisDay() {
        return upcoming.stream().filter(a -> a.date().equals(asOf)).toList();
    }

    /**
     * Anniversaries from the as-of date through {@value #UPCOMING_DAYS} days after it, by date, then the
     * most recent incident first; those of the as-of date itself lead.
     */
    public List<Anniversary> upcoming() {
        return upcoming;
    }

    /** The last day {@link #upcoming()} reaches. */
    public LocalDate upcomingUntil() {
        return asOf.plusDays(UPCOMING_DAYS);
    }
}
