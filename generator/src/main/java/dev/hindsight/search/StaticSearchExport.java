package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.model.Incident;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The data of the browser's search engine ({@code search.js}), exported from the Lucene index's own terms,
 * postings and norms, so that the browser analyses, matches and ranks exactly as {@link IncidentSearch}'s
 * plain-words query does. Every file is a script calling {@code HindsightSearch.load(kind, key, data)}:
 * script tags load from {@code file://}, where {@code fetch} of local files fails.
 *
 * <ul>
 *   <li>{@code search/meta.js}: fields with boosts and their collection statistics (docCount,
 *       sumTotalTermFreq: the average length BM25 uses), k1 and b, the stop words, how many term shards and
 *       document chunks there are.</li>
 *   <li>{@code search/terms/NN.js}: the terms whose FNV-1a hash (of their UTF-8 bytes) modulo the shard count
 *       is NN, each with its postings per field (see {@link #encodePostings}); a query loads only the shards
 *       of its own words.</li>
 *   <li>{@code search/docs/NN.js}: what a result shows (title, severity, date, services, page, summary) for
 *       {@value #DOCS_PER_CHUNK} documents by document number, so a query loads only its first results'.</li>
 *   <li>{@code search/facets/KIND.js}: the documents of each severity, year and service, for the filters,
 *       loaded when a filter is first used.</li>
 * </ul>
 * The bytes depend only on the index and the knowledge base (sorted, fixed formatting).
 */
public final class StaticSearchExport {
    /** The site path of the engine's entry file; the other data files are found through it. */
    public static final String META = "search/meta.js";
    static final String TERMS = "search/terms/";
    static final String DOCS = "search/docs/";
    static final String FACETS = "search/facets/";
    /** Documents per metadata chunk: a result page of ten touches few chunks, each a few kB. */
    static final int DOCS_PER_CHUNK = 10;
    /** The shard count is the smallest power of two that keeps the average shard below this. */
    static final int TARGET_SHARD_BYTES = 4096;
    /** Summaries longer than this (in code points) are cut for snippets. */
    static final int SUMMARY_LIMIT = 300;
    /** The filters: the taxonomy each reads and its name in the engine and the URL. */
    static final Map<String, TaxonomyKind> FACET_KINDS = facetKinds();

    private StaticSearchExport() {
    }

    private static Map<String, TaxonomyKind> facetKinds() {
        Map<String, TaxonomyKind> kinds = new LinkedHashMap<>();
        kinds.put("severity", TaxonomyKind.SEVERITIES);
        kinds.put("year", TaxonomyKind.YEARS);
        kinds.put("service", TaxonomyKind.SERVICES);
        return kinds;
    }

    /** Whether a site path is one of the data files the engine loads by script (no page links them). */
    public static boolean loadedOnDemand(String sitePath) {
        return sitePath.equals(META) || sitePath.startsWith(TERMS) || sitePath.startsWith(DOCS)
                || sitePath.startsWith(FACETS);
    }

    /**
     * The engine's data files, site path → bytes.
     *
     * @param index  the index {@link IncidentIndex#build} made of {@code kb}
     * @param pageOf an incident's page, relative to the site root
     */
    public static Map<String, byte[]> files(Directory index, KnowledgeBase kb, Function<Incident, String> pageOf) {
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            return files(reader, kb, pageOf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    private static Map<String, byte[]> files(DirectoryReader reader, KnowledgeBase kb,
                                             Function<Incident, String> pageOf) throws IOException {
        List<Incident> incidents = kb.incidents();
        if (reader.maxDoc() != incidents.size() || reader.hasDeletions()) {
            throw new IllegalStateException("the index must hold exactly the knowledge base's incidents");
        }
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < incidents.size(); doc++) {
            // Document numbers are what the browser reports; they must be the knowledge base's positions.
            String id = stored.document(doc, Set.of(IndexedIncident.ID)).get(IndexedIncident.ID);
            if (!incidents.get(doc).id().equals(id)) {
                throw new IllegalStateException("document " + doc + " is " + id + ", not " + incidents.get(doc).id());
            }
        }

        Map<String, byte[]> data = new LinkedHashMap<>();
        TreeMap<String, StringBuilder> postings = new TreeMap<>();
        List<FieldStatistics> statistics = new ArrayList<>();
        for (SearchField field : SearchField.values()) {
            statistics.add(readField(reader, field, incidents.size(), postings));
        }
        int shards = shardCount(postings);
        writeShards(postings, shards, data);
        int chunks = (incidents.size() + DOCS_PER_CHUNK - 1) / DOCS_PER_CHUNK;
        for (int chunk = 0; chunk < chunks; chunk++) {
            data.put(DOCS + number(chunk, chunks) + ".js", script("docs", String.valueOf(chunk),
                    docChunk(incidents, chunk, pageOf)));
        }
        for (Map.Entry<String, TaxonomyKind> facet : FACET_KINDS.entrySet()) {
            data.put(FACETS + facet.getKey() + ".js", script("facets", JsText.string(facet.getKey()),
                    facet(kb, facet.getValue())));
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(META, script("meta", "0", meta(statistics, incidents.size(), shards, chunks, version(data))));
        files.putAll(data);
        return files;
    }

    private record FieldStatistics(SearchField field, long docCount, long sumTotalTermFreq) {
    }

    /** Adds the field's postings to {@code postings} (term → encoded postings of all fields so far). */
    private static FieldStatistics readField(IndexReader reader, SearchField field, int maxDoc,
                                             TreeMap<String, StringBuilder> postings) throws IOException {
        // The index has several segments (see IncidentIndex); these views read them as one, documents numbered
        // across segments in order.
        Terms terms = MultiTerms.getTerms(reader, field.fieldName());
        if (terms == null) {
            return new FieldStatistics(field, 0, 0);
        }
        int[] norms = norms(reader, field, maxDoc);
        TermsEnum termsEnum = terms.iterator();
        PostingsEnum docs = null;
        for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
            docs = termsEnum.postings(docs, PostingsEnum.FREQS);
            encodePostings(postings.computeIfAbsent(term.utf8ToString(), t -> new StringBuilder()),
                    field, termsEnum.docFreq(), docs, norms);
        }
        return new FieldStatistics(field, terms.getDocCount(), terms.getSumTotalTermFreq());
    }

    /**
     * One field's postings of a term: the field's number, the document frequency, then per document the gap
     * to the previous document (minus one) doubled plus one when the frequency is above one, the frequency
     * minus two when it is, and the norm byte. Numbers as {@link VarintText}.
     */
    static void encodePostings(StringBuilder out, SearchField field, int docFreq, PostingsEnum docs, int[] norms)
            throws IOException {
        VarintText.append(out, field.ordinal());
        VarintText.append(out, docFreq);
        int previous = -1;
        int written = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            int freq = docs.freq();
            VarintText.append(out, 2L * (doc - previous - 1) + (freq > 1 ? 1 : 0));
            if (freq > 1) {
                VarintText.append(out, freq - 2);
            }
            VarintText.append(out, norms[doc]);
            previous = doc;
            written++;
        }
        if (written != docFreq) {
            throw new IllegalStateException("postings of " + field + " disagree with their document frequency");
        }
    }

    /** The encoded norm (BM25's length byte, unsigned) of every document in the field. */
    private static int[] norms(IndexReader reader, SearchField field, int maxDoc) throws IOException {
        int[] norms = new int[maxDoc];
        NumericDocValues values = MultiDocValues.getNormValues(reader, field.fieldName());
        if (values != null) {
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                norms[doc] = Byte.toUnsignedInt((byte) values.longValue());
            }
        }
        return norms;
    }

    private static int shardCount(Map<String, StringBuilder> postings) {
        long bytes = 0;
        for (Map.Entry<String, StringBuilder> entry : postings.entrySet()) {
            bytes += utf8(entry.getKey()).length + entry.getValue().length() + 5;
        }
        int shards = 1;
        while (shards < (1 << 16) && bytes / shards > TARGET_SHARD_BYTES) {
            shards *= 2;
        }
        return shards;
    }

    /** FNV-1a (32 bits) of the term's UTF-8 bytes, modulo the shard count; search.js computes the same. */
    static int shardOf(String term, int shards) {
        int hash = 0x811c9dc5;
        for (byte b : utf8(term)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, shards);
    }

    private static void writeShards(TreeMap<String, StringBuilder> postings, int shards, Map<String, byte[]> data) {
        List<StringBuilder> bodies = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            bodies.add(new StringBuilder("{"));
        }
        for (Map.Entry<String, StringBuilder> entry : postings.entrySet()) {
            StringBuilder body = bodies.get(shardOf(entry.getKey(), shards));
            body.append(body.length() > 1 ? ",\n" : "\n");
            JsText.string(body, entry.getKey()).append(':');
            JsText.string(body, entry.getValue().toString());
        }
        for (int shard = 0; shard < shards; shard++) {
            StringBuilder body = bodies.get(shard);
            body.append(body.length() > 1 ? "\n}" : "}");
            data.put(TERMS + number(shard, shards) + ".js", script("terms", String.valueOf(shard), body.toString()));
        }
    }

    private static String docChunk(List<Incident> incidents, int chunk, Function<Incident, String> pageOf) {
        StringBuilder out = new StringBuilder("[");
        int from = chunk * DOCS_PER_CHUNK;
        int to = Math.min(incidents.size(), from + DOCS_PER_CHUNK);
        for (int doc = from; doc < to; doc++) {
            Incident incident = incidents.get(doc);
            out.append(doc > from ? ",\n{" : "\n{");
            out.append("\"id\":");
            JsText.string(out, incident.id());
            out.append(",\"title\":");
            JsText.string(out, incident.title());
            out.append(",\"severity\":");
            JsText.string(out, incident.severity().name());
            out.append(",\"started\":");
            JsText.string(out, incident.times().started().toLocalDate().toString());
            out.append(",\"year\":").append(incident.times().started().getYear());
            out.append(",\"services\":[");
            for (int i = 0; i < incident.services().size(); i++) {
                JsText.string(out.append(i > 0 ? "," : ""), incident.services().get(i));
            }
            out.append("],\"page\":");
            JsText.string(out, pageOf.apply(incident));
            out.append(",\"summary\":");
            JsText.string(out, summary(incident.summary()));
            out.append('}');
        }
        return out.append(to > from ? "\n]" : "]").toString();
    }

    private static String summary(String summary) {
        if (summary == null) {
            return "";
        }
        String text = summary.strip();
        if (text.codePointCount(0, text.length()) <= SUMMARY_LIMIT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SUMMARY_LIMIT)).stripTrailing() + "…";
    }

    /** Each value of the taxonomy → its documents, ascending, as gaps (minus one) in {@link VarintText}. */
    private static String facet(KnowledgeBase kb, TaxonomyKind kind) {
        Map<String, Integer> docs = new LinkedHashMap<>();
        for (int doc = 0; doc < kb.incidents().size(); doc++) {
            docs.put(kb.incidents().get(doc).id(), doc);
        }
        StringBuilder out = new StringBuilder("{");
        for (TaxonomyTerm term : kb.taxonomy(kind).terms()) {
            int[] ids = term.incidents().stream().mapToInt(i -> docs.get(i.id())).sorted().distinct().toArray();
            StringBuilder encoded = new StringBuilder();
            int previous = -1;
            for (int id : ids) {
                VarintText.append(encoded, id - previous - 1);
                previous = id;
            }
            out.append(out.length() > 1 ? ",\n" : "\n");
            JsText.string(out, term.name()).append(':');
            JsText.string(out, encoded.toString());
        }
        return out.append(out.length() > 1 ? "\n}" : "}").toString();
    }

    private static String meta(List<FieldStatistics> statistics, int documents, int shards, int chunks,
                               String version) {
        // IncidentSearch ranks with the searcher's default similarity; its parameters are the engine's.
        BM25Similarity similarity = (BM25Similarity) IndexSearcher.getDefaultSimilarity();
        StringBuilder out = new StringBuilder("{\n\"format\":1,\n\"version\":");
        JsText.string(out, version);
        out.append(",\n\"documents\":").append(documents);
        out.append(",\n\"k1\":").append(similarity.getK1());
        out.append(",\n\"b\":").append(similarity.getB());
        out.append(",\n\"fields\":[");
        for (FieldStatistics field : statistics) {
            out.append(field.field().ordinal() > 0 ? ",\n" : "\n").append("{\"name\":");
            JsText.string(out, field.field().fieldName());
            out.append(",\"boost\":").append(field.field().boost());
            out.append(",\"docCount\":").append(field.docCount());
            out.append(",\"sumTotalTermFreq\":").append(field.sumTotalTermFreq()).append('}');
        }
        out.append("\n],\n\"termShards\":").append(shards);
        out.append(",\n\"docsPerChunk\":").append(DOCS_PER_CHUNK);
        out.append(",\n\"docChunks\":").append(chunks);
        out.append(",\n\"maxWordLength\":").append(SearchTokenizer.MAX_WORD_LENGTH);
        out.append(",\n\"stopWords\":[");
        for (int i = 0; i < SearchAnalyzer.STOP_WORDS.size(); i++) {
            JsText.string(out.append(i > 0 ? "," : ""), SearchAnalyzer.STOP_WORDS.get(i));
        }
        out.append("],\n\"facets\":[");
        int i = 0;
        for (String facet : FACET_KINDS.keySet()) {
            JsText.string(out.append(i++ > 0 ? "," : ""), facet);
        }
        return out.append("]\n}").toString();
    }

    /** A digest of every data file, so the engine can ask for this build's files past any cache. */
    private static String version(Map<String, byte[]> data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : data.entrySet()) {
                digest.update(utf8(file.getKey()));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] script(String kind, String key, String data) {
        return ("HindsightSearch.load(\"" + kind + "\"," + key + "," + data + ");\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A file number, zero-padded to the width of the largest, e.g. 07 of 64. */
    static String number(int n, int count) {
        int width = String.valueOf(Math.max(0, count - 1)).length();
        StringBuilder text = new StringBuilder(String.valueOf(n));
        while (text.length() < width) {
            text.insert(0, '0');
        }
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
