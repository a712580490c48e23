package dev.hindsight.search;

import dev.hindsight.parallel.Workers;
import dev.hindsight.search.DescribingTerms.FieldTerm;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inverted index of the describing fields in memory: per field and term, the positions (in the knowledge
 * base's order) of the incidents that contain it, ascending. A term's document frequency is the number of its
 * positions. Immutable: {@link #with} copies the lists that change and shares the others.
 */
final class TermPostings {
    private static final int[] NONE = {};

    private final Map<SearchField, Map<String, int[]>> byField;

    private TermPostings(Map<SearchField, Map<String, int[]>> byField) {
        this.byField = byField;
    }

    /** The postings of {@code incidents}, each at its position in the list. */
    static TermPostings of(List<DescribingTerms> incidents) {
        // The fields are independent: one task each.
        List<Map<String, int[]>> built = Workers.map("hindsight-postings", DescribingTerms.FIELDS,
                field -> build(field, incidents));
        Map<SearchField, Map<String, int[]>> byField = new EnumMap<>(SearchField.class);
        for (int f = 0; f < DescribingTerms.FIELDS.size(); f++) {
            byField.put(DescribingTerms.FIELDS.get(f), built.get(f));
        }
        return new TermPostings(byField);
    }

    private static Map<String, int[]> build(SearchField field, List<DescribingTerms> incidents) {
        Map<String, GrowingPositions> growing = new HashMap<>();
        for (int i = 0; i < incidents.size(); i++) {
            for (String term : incidents.get(i).in(field).keySet()) {
                growing.computeIfAbsent(term, t -> new GrowingPositions()).add(i);
            }
        }
        Map<String, int[]> postings = new HashMap<>(growing.size() * 4 / 3 + 1);
        growing.forEach((term, positions) -> postings.put(term, positions.toArray()));
        return postings;
    }

    /** The positions of the incidents whose {@code field} has {@code term}, ascending; never to be written to. */
    int[] positions(SearchField field, String term) {
        return byField.get(field).getOrDefault(term, NONE);
    }

    int docFreq(FieldTerm term) {
        return positions(term.field(), term.text()).length;
    }

    /**
     * These postings once the incidents at {@code changed} (ascending) have the terms in {@code after} (indexed
     * by position); {@code differing} holds every term whose presence changed in one of them.
     */
    TermPostings with(Set<FieldTerm> differing, int[] changed, DescribingTerms[] after) {
        Map<SearchField, Map<String, int[]>> updated = new EnumMap<>(byField);
        for (FieldTerm term : differing) {
            if (updated.get(term.field()) == byField.get(term.field())) {
                updated.put(term.field(), new HashMap<>(byField.get(term.field())));
            }
            int[] positions = merged(positions(term.field(), term.text()), changed, after, term);
            if (positions.length == 0) {
                updated.get(term.field()).remove(term.text());
            } else {
                updated.get(term.field()).put(term.text(), positions);
            }
        }
        return new TermPostings(updated);
    }

    /** {@code old} without the changed positions, plus those of them whose incident now has the term. */
    private static int[] merged(int[] old, int[] changed, DescribingTerms[] after, FieldTerm term) {
        int[] merged = new int[old.length + changed.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < old.length || j < changed.length) {
            if (j == changed.length || i < old.length && old[i] < changed[j]) {
                merged[n++] = old[i++];
            } else {
                int position = changed[j++];
                if (i < old.length && old[i] == position) {
                    i++;
                }
                if (after[position].contains(term.field(), term.text())) {
                    merged[n++] = position;
                }
            }
        }
        return Arrays.copyOf(merged, n);
    }

    /** A list of positions being appended to while the postings are built. */
    private static final class GrowingPositions {
        private int[] positions = new int[2];
        private int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }

        int[] toArray() {
            return Arrays.copyOf(positions, size);
        }
    }
}
