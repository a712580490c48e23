package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Finds, for each incident, the most similar others: its most significant terms (tf × idf in the
 * fields that describe what happened: title, root cause, services, tags, summary) become a query,
 * the incident itself excluded. The reasons name shared services and tags and the strongest shared
 * terms, so readers see why two incidents are linked.
 */
public final class RelatedIncidents {
    private static final List<SearchField> DESCRIBING = List.of(SearchField.TITLE, SearchField.ROOT_CAUSE,
            SearchField.SERVICES, SearchField.TAGS, SearchField.SUMMARY);
    private static final int SIGNIFICANT_TERMS = 16;

    private RelatedIncidents() {
    }

    /**
     * Up to {@code limit} related incidents for every incident, by id. Incidents are independent of each other,
     * so they are worked on in parallel; the result is in the knowledge base's order all the same.
     */
    public static Map<String, List<RelatedIncident>> find(KnowledgeBase kb, IncidentSearch search, int limit) {
        List<Incident> incidents = kb.incidents(); // the index holds incidents in this order
        // Each incident's describing fields are analysed once: its tokens make its own query and are read
        // again for the reasons of every incident it turns out to be related to.
        List<Map<SearchField, List<String>>> analysed = IntStream.range(0, incidents.size()).parallel()
                .mapToObj(i -> analyse(incidents.get(i), search)).toList();
        // Most terms recur across incidents: their document frequencies are looked up in the index once.
        Map<Term, Integer> docFreqs = new ConcurrentHashMap<>();
        List<List<RelatedIncident>> found = IntStream.range(0, incidents.size()).parallel()
                .mapToObj(i -> forIncident(i, incidents, analysed, search, docFreqs, limit)).toList();
        Map<String, List<RelatedIncident>> related = new LinkedHashMap<>();
        for (int i = 0; i < incidents.size(); i++) {
            related.put(incidents.get(i).id(), found.get(i));
        }
        return related;
    }

    private static Map<SearchField, List<String>> analyse(Incident incident, IncidentSearch search) {
        Map<SearchField, String> texts = IndexedIncident.texts(incident);
        Map<SearchField, List<String>> tokens = new EnumMap<>(SearchField.class);
        for (SearchField field : DESCRIBING) {
            tokens.put(field, search.analyse(texts.get(field)));
        }
        return tokens;
    }

    private record WeightedTerm(SearchField field, String text, double weight) {
    }

    private static List<RelatedIncident> forIncident(int self, List<Incident> incidents,
                                                     List<Map<SearchField, List<String>>> analysed,
                                                     IncidentSearch search, Map<Term, Integer> docFreqs,
                                                     int limit) {
        IndexReader reader = search.searcher().getIndexReader();
        Incident incident = incidents.get(self);
        List<WeightedTerm> terms = new ArrayList<>();
        try {
            for (SearchField field : DESCRIBING) {
                Map<String, Integer> frequencies = new HashMap<>();
                analysed.get(self).get(field).forEach(t -> frequencies.merge(t, 1, Integer::sum));
                for (Map.Entry<String, Integer> e : frequencies.entrySet()) {
                    int docFreq = docFreqs.computeIfAbsent(new Term(field.fieldName(), e.getKey()),
                            term -> docFreq(reader, term));
                    if (docFreq <= 1) {
                        continue; // only this incident has it: it links to nothing
                    }
                    double idf = Math.log(1 + (reader.numDocs() - docFreq + 0.5) / (docFreq + 0.5));
                    terms.add(new WeightedTerm(field, e.getKey(), e.getValue() * idf * field.boost()));
                }
            }
            terms.sort(Comparator.comparingDouble(WeightedTerm::weight).reversed()
                    .thenComparing(WeightedTerm::text).thenComparing(t -> t.field().ordinal()));
            List<WeightedTerm> significant = terms.subList(0, Math.min(SIGNIFICANT_TERMS, terms.size()));
            if (significant.isEmpty()) {
                return List.of();
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (WeightedTerm term : significant) {
                query.add(new BoostQuery(new TermQuery(new Term(term.field().fieldName(), term.text())),
                        (float) term.weight()), BooleanClause.Occur.SHOULD);
            }
            TopDocs top = search.searcher().search(query.build(), limit + 1);
            List<RelatedIncident> found = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                if (hit.doc == self || found.size() == limit) {
                    continue;
                }
                found.add(new RelatedIncident(incidents.get(hit.doc).id(), hit.score,
                        reasons(incident, incidents.get(hit.doc), significant, analysed.get(hit.doc))));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int docFreq(IndexReader reader, Term term) {
        try {
            return reader.docFreq(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> reasons(Incident incident, Incident other, List<WeightedTerm> significant,
                                        Map<SearchField, List<String>> otherTokens) {
        List<String> reasons = new ArrayList<>();
        for (String service : incident.services()) {
            if (other.services().stream().anyMatch(s -> s.equalsIgnoreCase(service))) {
                reasons.add("service: " + service);
            }
        }
        for (String tag : incident.tags()) {
            if (other.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag))) {
                reasons.add("tag: " + tag);
            }
        }
        List<String> shared = significant.stream()
                .filter(t -> t.field() != SearchField.SERVICES && t.field() != SearchField.TAGS)
                .filter(t -> otherTokens.get(t.field()).contains(t.text()))
                .map(WeightedTerm::text).distinct().limit(4).collect(Collectors.toList());
        if (!shared.isEmpty()) {
            reasons.add("terms: " + String.join(", ", shared).toLowerCase(Locale.ROOT));
        }
        return reasons;
    }
}
