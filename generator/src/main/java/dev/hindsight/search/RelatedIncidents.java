package dev.hindsight.search;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;
import dev.hindsight.parallel.Workers;
import dev.hindsight.search.DescribingTerms.FieldTerm;
import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

/**
 * The most similar other incidents of every incident, and why; immutable. An incident's most significant
 * terms in the fields that describe what happened (title, root cause, services, tags, summary) make its query;
 * every other incident scores the summed weights of the query terms it contains. The reasons name shared
 * services and tags and the strongest shared terms, so readers see why two incidents are linked.
 *
 * <p>It needs no search index (its own postings of the describing fields are small), so it runs beside
 * indexing, and {@link #update} recomputes only the incidents an edit can affect, for the preview server's
 * rebuilds. Two choices make updates cheap and exact:
 * <ul>
 * <li>The idf is quantised: a term in {@code df} of {@code n} incidents weighs {@code floor(log2(n / df))}.
 *     A document frequency that moves by one changes the weight only when it crosses a power of two, so an
 *     edit rarely reweighs the queries of everyone who uses a word. The same formula gives 0, "skip", for a
 *     term in more than half the incidents (it says little, and its postings are the longest to add up); a
 *     term in one incident only is skipped too, since it links to nothing.</li>
 * <li>Scores count presence, not frequency, and have no length normalisation: a candidate's score moves
 *     only when its own terms or the weights of the query change. Weights are term frequency × quantised idf
 *     × field boost, all multiples of ½, so every sum is exact and full and incremental runs agree to the bit.</li>
 * </ul>
 */
public final class RelatedIncidents {
    /** What {@link #save} writes, and its version: another layout is another version. */
    static final String FILE_KIND = "hindsight-related-2";
    /** How many of an incident's terms make its query. */
    private static final int SIGNIFICANT_TERMS = 16;
    /** How many shared terms a reason names. */
    private static final int REASON_TERMS = 4;
    /** Incidents scored by one parallel task, which allocates one score array for them. */
    private static final int BATCH = 256;
    private static final Comparator<WeightedTerm> STRONGEST_FIRST = Comparator
            .comparingDouble(WeightedTerm::weight).reversed()
            .thenComparing((WeightedTerm t) -> t.term().text())
            .thenComparing(t -> t.term().field().ordinal());

    private final List<Incident> incidents;
    private final int limit;
    /** By knowledge-base position, like the next two. */
    private final DescribingTerms[] terms;
    private final TermPostings postings;
    private final Relations[] relations;
    private final int recomputed;
    private final Map<String, List<RelatedIncident>> byId;

    private RelatedIncidents(List<Incident> incidents, int limit, DescribingTerms[] terms, TermPostings postings,
                             Relations[] relations, int recomputed) {
        this.incidents = incidents;
        this.limit = limit;
        this.terms = terms;
        this.postings = postings;
        this.relations = relations;
        this.recomputed = recomputed;
        Map<String, List<RelatedIncident>> related = new LinkedHashMap<>();
        for (int i = 0; i < incidents.size(); i++) {
            related.put(incidents.get(i).id(), relations[i].related());
        }
        this.byId = Collections.unmodifiableMap(related);
    }

    /** An incident's weighted query term. */
    private record WeightedTerm(FieldTerm term, double weight) {
    }

    /**
     * What was found for one incident: its query, and the related incidents with their positions and scores.
     *
     * @param query     the significant terms, strongest first
     * @param positions the related incidents' positions, in the order of {@code related}
     * @param scores    their scores, in the same order
     * @param related   the related incidents, most similar first
     */
    private record Relations(List<WeightedTerm> query, int[] positions, double[] scores,
                             List<RelatedIncident> related) {
        boolean queries(FieldTerm term) {
            for (WeightedTerm t : query) {
                if (t.term().equals(term)) {
                    return true;
                }
            }
            return false;
        }

        boolean queriesAny(Set<FieldTerm> terms) {
            for (WeightedTerm t : query) {
                if (terms.contains(t.term())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code term} would be among the query's terms, had it this weight and the others theirs. */
        boolean wouldQuery(WeightedTerm term) {
            return term.weight() > 0 && (query.size() < SIGNIFICANT_TERMS
                    || STRONGEST_FIRST.compare(term, query.get(query.size() - 1)) < 0);
        }

        /** The score this query gives an incident with these terms. */
        double score(DescribingTerms candidate) {
            double score = 0;
            for (WeightedTerm t : query) {
                if (candidate.contains(t.term().field(), t.term().text())) {
                    score += t.weight();
                }
            }
            return score;
        }

        /** Whether an incident not listed would be, were this its score and the others' theirs. */
        boolean wouldList(int position, double score, int limit) {
            if (score == 0 || limit <= 0) {
                return false;
            }
            int last = positions.length - 1;
            return positions.length < limit || CandidateScores.beats(position, score, positions[last], scores[last]);
        }
    }

    /**
     * Up to {@code limit} related incidents for every incident of the knowledge base; updates keep the limit.
     * Incidents are independent of each other, so they are worked on in parallel; the result is the same
     * however they are scheduled.
     */
    public static RelatedIncidents find(KnowledgeBase kb, int limit) {
        List<Incident> incidents = kb.incidents();
        DescribingTerms[] terms;
        ConcurrentMap<String, String> shared = new ConcurrentHashMap<>();
        try (Analyzer analyzer = new SearchAnalyzer()) { // its token streams are per thread
            terms = Workers.map("hindsight-terms", incidents, incident -> DescribingTerms.of(incident, analyzer, shared))
                    .toArray(DescribingTerms[]::new);
        }
        TermPostings postings = TermPostings.of(Arrays.asList(terms));
        Relations[] relations = new Relations[incidents.size()];
        relate(IntStream.range(0, incidents.size()).toArray(), incidents, terms, postings, limit, relations);
        return new RelatedIncidents(incidents, limit, terms, postings, relations, incidents.size());
    }

    /**
     * The related incidents of {@code kb}, with the same limit: equal to {@code find(kb, limit)}, but when the
     * incident ids are those of this result's knowledge base, in the same order, only the incidents whose list
     * can differ are recomputed. This result is left as it was.
     */
    public RelatedIncidents update(KnowledgeBase kb) {
        List<Incident> next = kb.incidents();
        if (!sameIds(next)) {
            return find(kb, limit); // incidents added, removed or reordered: the positions, and every posting, moved
        }
        DescribingTerms[] nextTerms = terms.clone();
        ConcurrentMap<String, String> shared = new ConcurrentHashMap<>(); // an edit analyses a few incidents
        try (Analyzer analyzer = new SearchAnalyzer()) {
            for (int i = 0; i < next.size(); i++) {
                Incident before = incidents.get(i);
                Incident after = next.get(i);
                if (before != after && !before.equals(after)) {
                    DescribingTerms analysed = DescribingTerms.of(after, analyzer, shared);
                    if (!analysed.equals(terms[i])) {
                        nextTerms[i] = analysed;
                    }
                }
            }
        }
        int[] changed = IntStream.range(0, next.size()).filter(i -> nextTerms[i] != terms[i]).toArray();
        Set<FieldTerm> differing = new HashSet<>();
        for (int c : changed) {
            differing.addAll(terms[c].presenceDifferences(nextTerms[c]));
        }
        TermPostings nextPostings = postings.with(differing, changed, nextTerms);
        int[] recompute = affected(changed, differing, nextTerms, nextPostings);
        Relations[] nextRelations = relations.clone();
        relate(recompute, next, nextTerms, nextPostings, limit, nextRelations);
        return new RelatedIncidents(next, limit, nextTerms, nextPostings, nextRelations, recompute.length);
    }

    /**
     * The positions whose lists an update must recompute: exactly those that can differ from this result's.
     *
     * <p>Call an incident <em>changed</em> when its describing terms (the terms with their frequencies, the
     * services and tags as written) differ from before; positions and the number of incidents stay the same,
     * and only the terms whose presence changed in a changed incident have a new document frequency. X's list
     * is a function of X's query, of the postings of its query terms, of the positions and, for the reasons, of
     * X's and the listed incidents' describing terms. X's query is a function of X's term frequencies and their
     * quantised idf. X is recomputed when
     * <ol type="a">
     * <li>X is changed; or</li>
     * <li>a term whose quantised idf changed is in X's old query (its weight changed, or it leaves), or X has
     *     such a term and with its new weight it would enter X's query (there was room, or it beats the weakest
     *     term in the query's order); or</li>
     * <li>a changed incident is in X's old list: its score or its reasons may differ, or it may drop out; or</li>
     * <li>a changed incident not in X's old list scores enough under X's old query to enter the list now: more
     *     than 0 when the list was not full, else beating its last entry (a higher score, or the same and an
     *     earlier position).</li>
     * </ol>
     * If none holds, X's query is the same: its old terms kept their frequencies and weights, and no other term
     * gained a place. Unchanged incidents score as before and keep their describing terms; changed ones were
     * not listed and still rank below the list. So the list, its scores and its reasons are the same.
     *
     * <p>Checked cheaply: (b) looks only at the incidents having a reweighed term, since a query is drawn from
     * its incident's own terms; (d) only at those whose old query has a term whose presence changed, since a
     * changed incident whose score did not move ranked below the list before and still does. A body-only edit
     * changes no incident in this sense and recomputes nothing.
     */
    private int[] affected(int[] changed, Set<FieldTerm> differing, DescribingTerms[] nextTerms,
                           TermPostings nextPostings) {
        int n = incidents.size();
        boolean[] affected = new boolean[n];
        boolean[] isChanged = new boolean[n];
        for (int c : changed) {
            affected[c] = true; // (a)
            isChanged[c] = true;
        }
        for (FieldTerm term : differing) {
            int idfAfter = quantisedIdf(nextPostings.docFreq(term), n);
            if (idfAfter == quantisedIdf(postings.docFreq(term), n)) {
                continue;
            }
            for (int x : nextPostings.positions(term.field(), term.text())) {
                if (!affected[x]) {
                    WeightedTerm reweighed = new WeightedTerm(term,
                            weight(terms[x].in(term.field()).get(term.text()), idfAfter, term.field()));
                    affected[x] = relations[x].queries(term) || relations[x].wouldQuery(reweighed); // (b)
                }
            }
        }
        for (int x = 0; x < n; x++) {
            for (int listed : relations[x].positions()) {
                affected[x] |= isChanged[listed]; // (c)
            }
        }
        // (d): the terms whose presence changed are few but may be in thousands of incidents, and most of those
        // do not query them; looking through every query once costs less.
        for (int x = 0; x < n; x++) {
            if (!affected[x] && relations[x].queriesAny(differing)) {
                for (int c : changed) {
                    affected[x] |= relations[x].wouldList(c, relations[x].score(nextTerms[c]), limit); // (d)
                }
            }
        }
        return IntStream.range(0, n).filter(x -> affected[x]).toArray();
    }

    /**
     * Saves this result into {@code file}, so that a later process can {@link #restore} it and {@link #update} it
     * after an edit: every incident's describing terms, query, and related positions, scores and reasons. The
     * postings are worked out again from the terms; the scoring, which is most of {@link #find}, is not. The
     * reasons are kept, though they follow from the rest: working them out again was a third of a fresh process's
     * restore of this file.
     */
    public void save(Path file) throws IOException {
        CacheWriter.save(file, FILE_KIND, out -> {
            out.writeInt(limit);
            SearchStateFiles.writeIds(out, incidents);
            for (DescribingTerms incident : terms) {
                incident.write(out);
            }
            for (Relations relation : relations) {
                out.writeAll(relation.query(), (writer, term) -> {
                    writer.writeEnum(term.term().field());
                    writer.writeString(term.term().text());
                    writer.writeDouble(term.weight());
                });
                out.writeInt(relation.positions().length);
                for (int k = 0; k < relation.positions().length; k++) {
                    out.writeInt(relation.positions()[k]);
                    out.writeDouble(relation.scores()[k]);
                    out.writeAll(relation.related().get(k).reasons(), CacheWriter::writeString);
                }
            }
        });
    }

    /**
     * The result {@link #save} wrote into {@code file}, as it was: the same lists, and an {@link #update} that
     * recomputes and gives what the saved result's would.
     *
     * @param kb the knowledge base the saved result was found for (its incidents are not in the file)
     * @throws CacheFormatException if the file is not a complete result of this version, or not of {@code kb}
     */
    public static RelatedIncidents restore(Path file, KnowledgeBase kb) throws IOException {
        return CacheReader.read(file, FILE_KIND, in -> {
            int limit = in.readInt();
            List<Incident> incidents = SearchStateFiles.readIncidents(in, kb);
            DescribingTerms[] terms = new DescribingTerms[incidents.size()];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = DescribingTerms.read(in, incidents.get(i));
            }
            TermPostings postings = TermPostings.of(Arrays.asList(terms));
            Relations[] relations = new Relations[incidents.size()];
            for (int i = 0; i < relations.length; i++) {
                List<WeightedTerm> query = in.readAll(RelatedIncidents::readQueryTerm);
                int listed = SearchStateFiles.readBelow(in, incidents.size());
                int[] positions = new int[listed];
                double[] scores = new double[listed];
                List<RelatedIncident> related = new ArrayList<>(listed);
                for (int k = 0; k < listed; k++) {
                    positions[k] = SearchStateFiles.readBelow(in, incidents.size());
                    scores[k] = in.readDouble();
                    related.add(new RelatedIncident(incidents.get(positions[k]).id(), (float) scores[k],
                            List.copyOf(in.readAll(CacheReader::readString))));
                }
                relations[i] = new Relations(List.copyOf(query), positions, scores, List.copyOf(related));
            }
            return new RelatedIncidents(incidents, limit, terms, postings, relations, 0);
        });
    }

    private static WeightedTerm readQueryTerm(CacheReader in) throws IOException {
        SearchField field = in.readEnum(SearchField.values());
        String text = in.readString();
        if (!DescribingTerms.FIELDS.contains(field) || text == null) {
            throw new CacheFormatException("a query term " + text + " of " + field);
        }
        return new WeightedTerm(new FieldTerm(field, text), in.readDouble());
    }

    /** The related incidents of each incident, by id, in the knowledge base's order; most similar first. */
    public Map<String, List<RelatedIncident>> byId() {
        return byId;
    }

    /**
     * The ids of this result whose related list differs from {@code previous}'s for the same id, or that
     * {@code previous} has no list for, in knowledge-base order: the incident pages to render again.
     */
    public Set<String> changedSince(RelatedIncidents previous) {
        Set<String> changed = new LinkedHashSet<>();
        byId.forEach((id, related) -> {
            if (!related.equals(previous.byId.get(id))) {
                changed.add(id);
            }
        });
        return changed;
    }

    /** How many incidents' lists were computed to make this result: all of them for {@link #find}. */
    int recomputed() {
        return recomputed;
    }

    /**
     * {@code floor(log2(incidents / docFreq))}, exactly, in integers; 0, "skip", for a term in one incident
     * only or in more than half of them.
     */
    static int quantisedIdf(int docFreq, int incidents) {
        if (docFreq <= 1) {
            return 0;
        }
        return 31 - Integer.numberOfLeadingZeros(incidents / docFreq);
    }

    /** A multiple of ½ (the boosts are 1.5, 2 and 3), so that sums of weights are exact in any order. */
    private static double weight(int frequency, int quantisedIdf, SearchField field) {
        return (double) frequency * quantisedIdf * field.boost();
    }

    /** Computes the relations of the incidents at {@code positions} into {@code into}, in parallel. */
    private static void relate(int[] positions, List<Incident> incidents, DescribingTerms[] terms,
                               TermPostings postings, int limit, Relations[] into) {
        int batches = (positions.length + BATCH - 1) / BATCH;
        Workers.forEach("hindsight-relate", batches, batch -> {
            CandidateScores scores = new CandidateScores(incidents.size());
            for (int k = batch * BATCH; k < Math.min(positions.length, (batch + 1) * BATCH); k++) {
                into[positions[k]] = relate(positions[k], incidents, terms, postings, limit, scores);
            }
        });
    }

    private static Relations relate(int self, List<Incident> incidents, DescribingTerms[] terms,
                                    TermPostings postings, int limit, CandidateScores scores) {
        List<WeightedTerm> query = query(terms[self], postings, incidents.size());
        for (WeightedTerm term : query) {
            for (int position : postings.positions(term.term().field(), term.term().text())) {
                scores.add(position, term.weight());
            }
        }
        List<CandidateScores.Candidate> top = scores.takeTop(self, limit);
        int[] positions = new int[top.size()];
        double[] topScores = new double[top.size()];
        for (int k = 0; k < top.size(); k++) {
            positions[k] = top.get(k).position();
            topScores[k] = top.get(k).score();
        }
        return relations(self, query, positions, topScores, incidents, terms);
    }

    /** The relations of the incident at {@code self} to those at {@code positions}, with their reasons. */
    private static Relations relations(int self, List<WeightedTerm> query, int[] positions, double[] scores,
                                       List<Incident> incidents, DescribingTerms[] terms) {
        List<RelatedIncident> related = new ArrayList<>(positions.length);
        for (int k = 0; k < positions.length; k++) {
            related.add(new RelatedIncident(incidents.get(positions[k]).id(), (float) scores[k],
                    reasons(terms[self], terms[positions[k]], query)));
        }
        return new Relations(query, positions, scores, List.copyOf(related));
    }

    /** The incident's significant terms: tf × quantised idf × field boost, the strongest few. */
    private static List<WeightedTerm> query(DescribingTerms incident, TermPostings postings, int incidents) {
        List<WeightedTerm> weighted = new ArrayList<>();
        for (SearchField field : DescribingTerms.FIELDS) {
            incident.in(field).forEach((term, frequency) -> {
                int idf = quantisedIdf(postings.positions(field, term).length, incidents);
                if (idf > 0) {
                    weighted.add(new WeightedTerm(new FieldTerm(field, term), weight(frequency, idf, field)));
                }
            });
        }
        weighted.sort(STRONGEST_FIRST);
        return List.copyOf(weighted.subList(0, Math.min(SIGNIFICANT_TERMS, weighted.size())));
    }

    private static List<String> reasons(DescribingTerms incident, DescribingTerms other, List<WeightedTerm> query) {
        List<String> reasons = new ArrayList<>();
        for (String service : incident.services()) {
            if (containsIgnoringCase(other.services(), service)) {
                reasons.add("service: " + service);
            }
        }
        for (String tag : incident.tags()) {
            if (containsIgnoringCase(other.tags(), tag)) {
                reasons.add("tag: " + tag);
            }
        }
        Set<String> shared = new LinkedHashSet<>();
        for (WeightedTerm weighted : query) {
            FieldTerm term = weighted.term();
            if (shared.size() < REASON_TERMS && term.field() != SearchField.SERVICES
                    && term.field() != SearchField.TAGS && other.contains(term.field(), term.text())) {
                shared.add(term.text());
            }
        }
        if (!shared.isEmpty()) {
            reasons.add("terms: " + String.join(", ", shared).toLowerCase(Locale.ROOT));
        }
        return reasons;
    }

    private static boolean containsIgnoringCase(List<String> names, String name) {
        for (String candidate : names) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameIds(List<Incident> next) {
        if (next.size() != incidents.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!next.get(i).id().equals(incidents.get(i).id())) {
                return false;
            }
        }
        return true;
    }
}
