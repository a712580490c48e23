package dev.hindsight.kb;

import dev.hindsight.model.Incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Incidents grouped by one kind of value. Terms are in a fixed order (severities P0 first, years newest
 * first, others by name), so pages and outputs are deterministic.
 */
public final class Taxonomy {
    private final TaxonomyKind kind;
    private final List<TaxonomyTerm> terms;
    /**
     * The terms by the key their values were grouped by (the value in lower case): every link to a service, tag or
     * owner on every row looks its term up, and a scan of the terms for each was 1% of a 10,000-report build.
     */
    private final Map<String, TaxonomyTerm> byKey;

    public Taxonomy(TaxonomyKind kind, List<TaxonomyTerm> terms) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.terms = List.copyOf(terms);
        Map<String, TaxonomyTerm> keyed = new HashMap<>();
        for (TaxonomyTerm term : this.terms) {
            keyed.putIfAbsent(key(term.name()), term);
        }
        this.byKey = keyed;
    }

    public TaxonomyKind kind() {
        return kind;
    }

    public List<TaxonomyTerm> terms() {
        return terms;
    }

    /** The term an incident's value belongs to, found case-insensitively (as the values were grouped). */
    public Optional<TaxonomyTerm> term(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Taxonomy that && kind == that.kind && terms.equals(that.terms);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + terms.hashCode();
    }

    @Override
    public String toString() {
        return "Taxonomy[kind=" + kind + ", terms=" + terms + "]";
    }

    /** This taxonomy with the incidents {@code swaps} maps (by identity) replaced in their places. */
    Taxonomy replacing(Map<Incident, Incident> swaps) {
        return new Taxonomy(kind, terms.stream().map(term -> term.incidents().stream().noneMatch(swaps::containsKey)
                ? term : new TaxonomyTerm(term.name(), term.slug(),
                term.incidents().stream().map(i -> swaps.getOrDefault(i, i)).toList())).toList());
    }

    /** Groups {@code newestFirst} by the values {@code valuesOf} gives; values match case-insensitively. */
    static Taxonomy of(TaxonomyKind kind, List<Incident> newestFirst, Function<Incident, List<String>> valuesOf,
                       Comparator<String> order) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<Incident>> members = new LinkedHashMap<>();
        for (Incident incident : newestFirst) {
            for (String value : valuesOf.apply(incident)) {
                String key = key(value);
                spelling.putIfAbsent(key, value);
                List<Incident> list = members.computeIfAbsent(key, k -> new ArrayList<>());
                // Incidents come one at a time, so a repeat (a tag written twice) can only be the last one;
                // comparing identities also avoids deep record equality on every report body.
                if (list.isEmpty() || list.get(list.size() - 1) != incident) {
                    list.add(incident);
                }
            }
        }
        List<String> keys = new ArrayList<>(members.keySet());
        Comparator<String> bySpelling = Comparator.comparing(spelling::get, order);
        keys.sort(bySpelling.thenComparing(Comparator.<String>naturalOrder()));
        Slugs slugs = new Slugs();
        List<TaxonomyTerm> terms = new ArrayList<>();
        for (String key : keys) {
            terms.add(new TaxonomyTerm(spelling.get(key), slugs.assign(spelling.get(key)), members.get(key)));
        }
        return new Taxonomy(kind, terms);
    }
}
