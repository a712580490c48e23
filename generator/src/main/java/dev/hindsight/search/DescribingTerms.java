package dev.hindsight.search;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.model.Incident;
import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/**
 * What {@link RelatedIncidents} reads of one incident: the analysed terms of the fields that say what
 * happened (title, root cause, services, tags, summary), each with how often it occurs, and the services and
 * tags as written (the reasons quote them). Two incidents with equal describing terms relate alike, so an
 * edit that leaves them equal (the body, the timeline, the actions) changes no related list.
 *
 * @param frequencies per describing field, each term and its number of occurrences
 * @param services    the incident's services as written
 * @param tags        the incident's tags as written
 */
record DescribingTerms(Map<SearchField, Map<String, Integer>> frequencies, List<String> services, List<String> tags) {
    /** The describing fields, in the order ties between equally weighted terms are broken. */
    static final List<SearchField> FIELDS = List.of(SearchField.TITLE, SearchField.ROOT_CAUSE, SearchField.SERVICES,
            SearchField.TAGS, SearchField.SUMMARY);

    /** One term of one field. */
    record FieldTerm(SearchField field, String text) {
    }

    /**
     * Analyses the incident's describing fields with {@code analyzer}, on the calling thread. Each term is the instance
     * {@code shared} holds, put there if new: 50,000 incidents have millions of term occurrences but a few hundred
     * thousand distinct terms, and each copy cost about 50 bytes.
     */
    static DescribingTerms of(Incident incident, Analyzer analyzer, ConcurrentMap<String, String> shared) {
        Map<SearchField, String> texts = IndexedIncident.textsButTheBody(incident);
        Map<SearchField, Map<String, Integer>> frequencies = new EnumMap<>(SearchField.class);
        for (SearchField field : FIELDS) {
            Map<String, Integer> counts = new HashMap<>();
            for (String term : SearchAnalyzer.terms(analyzer, field.fieldName(), texts.get(field))) {
                String earlier = shared.putIfAbsent(term, term);
                counts.merge(earlier == null ? term : earlier, 1, Integer::sum);
            }
            frequencies.put(field, TermCounts.of(counts));
        }
        return new DescribingTerms(frequencies, incident.services(), incident.tags());
    }

    /** Writes the terms and their counts of each field; the services and tags are the incident's. */
    void write(CacheWriter out) throws IOException {
        for (SearchField field : FIELDS) {
            Map<String, Integer> counts = in(field);
            out.writeInt(counts.size());
            // The string table writes a term again as a number: most terms recur in many incidents, and restored
            // terms are then one instance each, as the analysis shares them.
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                out.writeString(count.getKey());
                out.writeInt(count.getValue());
            }
        }
    }

    /** The describing terms {@link #write} wrote of {@code incident}. */
    static DescribingTerms read(CacheReader in, Incident incident) throws IOException {
        Map<SearchField, Map<String, Integer>> frequencies = new EnumMap<>(SearchField.class);
        for (SearchField field : FIELDS) {
            int size = in.readInt();
            if (size < 0 || size > 1 << 24) {
                throw new CacheFormatException(size + " terms in a field");
            }
            String[] terms = new String[size];
            int[] counts = new int[size];
            for (int i = 0; i < size; i++) {
                terms[i] = in.readString();
                counts[i] = in.readInt();
            }
            frequencies.put(field, TermCounts.ofSorted(terms, counts));
        }
        return new DescribingTerms(frequencies, incident.services(), incident.tags());
    }

    /** Each term of {@code field} with its number of occurrences. */
    Map<String, Integer> in(SearchField field) {
        return frequencies.get(field);
    }

    boolean contains(SearchField field, String term) {
        return frequencies.get(field).containsKey(term);
    }

    /** The terms this has and {@code other} has not, and the other way round. */
    List<FieldTerm> presenceDifferences(DescribingTerms other) {
        List<FieldTerm> differences = new ArrayList<>();
        for (SearchField field : FIELDS) {
            addMissing(field, in(field), other.in(field), differences);
            addMissing(field, other.in(field), in(field), differences);
        }
        return differences;
    }

    private static void addMissing(SearchField field, Map<String, Integer> from, Map<String, Integer> in,
                                   List<FieldTerm> missing) {
        for (String term : from.keySet()) {
            if (!in.containsKey(term)) {
                missing.add(new FieldTerm(field, term));
            }
        }
    }
}
