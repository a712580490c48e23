package dev.hindsight.kb;

import dev.hindsight.model.Incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Incidents grouped by one kind of value. Terms are in a fixed order (severities P0 first, years newest
 * first, others by name), so pages and outputs are deterministic.
 */
public record Taxonomy(TaxonomyKind kind, List<TaxonomyTerm> terms) {
    public Taxonomy {
        terms = List.copyOf(terms);
    }

    /** The term an incident's value belongs to, found case-insensitively. */
    public Optional<TaxonomyTerm> term(String name) {
        return terms.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
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
                String key = value.toLowerCase(Locale.ROOT);
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
