package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.model.Incident;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 *       is NN, each with its postings per field (see {@link ExportedPostings}); a query loads only the shards
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

    private final Function<Incident, String> pageOf;
    private final ExportedPostings postings;
    private KnowledgeBase kb;
    private int shards;
    /** The data files (all but meta.js) by site path, and the SHA-256 of each, in the engine's order. */
    private final Map<String, byte[]> data = new LinkedHashMap<>();
    private final Map<String, byte[]> digests = new LinkedHashMap<>();
    private byte[] meta;

    private StaticSearchExport(Function<Incident, String> pageOf, ExportedPostings postings, KnowledgeBase kb) {
        this.pageOf = pageOf;
        this.postings = postings;
        this.kb = kb;
    }

    /**
     * The engine's data files, site path → bytes.
     *
     * @param index  the index {@link IncidentIndex#build} made of {@code kb}
     * @param pageOf an incident's page, relative to the site root
     */
    public static Map<String, byte[]> files(Directory index, KnowledgeBase kb, Function<Incident, String> pageOf) {
        return export(index, kb, pageOf).files();
    }

    /** Exports the data of {@code index}, made of {@code kb}; see {@link #files(Directory, KnowledgeBase, Function)}. */
    public static StaticSearchExport export(Directory index, KnowledgeBase kb, Function<Incident, String> pageOf) {
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            checkDocuments(reader, kb);
            StaticSearchExport export = new StaticSearchExport(pageOf, ExportedPostings.read(reader), kb);
            export.shards = shardCount(export.postings.bytes());
            export.writeShards(allShards(export.shards));
            int chunks = chunks(kb);
            for (int chunk = 0; chunk < chunks; chunk++) {
                export.writeDocChunk(chunk, chunks);
            }
            export.writeFacetsAndMeta();
            return export;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /**
     * The export of {@code index}, made of {@code edited}: an edit of the reports this export was made of. When
     * every incident kept its place, only the terms, shards and document chunks of the changed incidents are
     * exported again, and this export changes into the new one; otherwise it is a new export from scratch. The
     * files are the same either way.
     */
    public StaticSearchExport update(Directory index, KnowledgeBase edited) {
        List<Incident> before = kb.incidents();
        List<Incident> after = edited.incidents();
        if (before.size() != after.size()) {
            return export(index, edited, pageOf);
        }
        List<Integer> changed = new ArrayList<>();
        for (int doc = 0; doc < after.size(); doc++) {
            if (!before.get(doc).id().equals(after.get(doc).id())) {
                return export(index, edited, pageOf);
            }
            if (before.get(doc) != after.get(doc) && !before.get(doc).equals(after.get(doc))) {
                changed.add(doc);
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            if (reader.maxDoc() != after.size() || reader.hasDeletions()) {
                throw new IllegalStateException("the index must hold exactly the knowledge base's incidents");
            }
            // The postings that change are those of the terms an edited incident had or has.
            Set<String> terms = new TreeSet<>();
            for (int doc : changed) {
                terms.addAll(IndexedIncident.terms(before.get(doc)));
                terms.addAll(IndexedIncident.terms(after.get(doc)));
            }
            postings.update(reader, changed, terms);
            kb = edited;
            int count = shardCount(postings.bytes());
            Set<Integer> shardsToWrite = new TreeSet<>();
            if (count != shards) {
                data.keySet().removeIf(path -> path.startsWith(TERMS));
                shards = count;
                shardsToWrite.addAll(allShards(count));
            } else {
                terms.forEach(term -> shardsToWrite.add(shardOf(term, count)));
            }
            writeShards(shardsToWrite);
            int chunks = chunks(edited);
            for (int chunk : changed.stream().map(doc -> doc / DOCS_PER_CHUNK).distinct().toList()) {
                writeDocChunk(chunk, chunks);
            }
            writeFacetsAndMeta();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /** The data files by site path: meta.js first, then term shards, document chunks and facets in order. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(META, meta);
        data.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(StaticSearchExport::fileOrder)))
                .forEach(e -> files.put(e.getKey(), e.getValue()));
        return files;
    }

    private static void checkDocuments(DirectoryReader reader, KnowledgeBase kb) throws IOException {
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
    }

    private static int chunks(KnowledgeBase kb) {
        return (kb.incidents().size() + DOCS_PER_CHUNK - 1) / DOCS_PER_CHUNK;
    }

    private static List<Integer> allShards(int count) {
        return java.util.stream.IntStream.range(0, count).boxed().toList();
    }

    /** Terms shards, then document chunks, then facets; numbered files in number order (zero-padded). */
    private static String fileOrder(String path) {
        return (path.startsWith(TERMS) ? "0" : path.startsWith(DOCS) ? "1" : "2") + path;
    }

    private void put(String path, byte[] bytes) {
        data.put(path, bytes);
        digests.put(path, sha256(bytes));
    }

    private static int shardCount(long bytes) {
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

    /** Writes the given term shards again from the postings (one pass over the terms). */
    private void writeShards(Collection<Integer> which) {
        Map<Integer, StringBuilder> bodies = new TreeMap<>();
        which.forEach(shard -> bodies.put(shard, new StringBuilder("{")));
        for (Map.Entry<String, StringBuilder> entry : postings.terms().entrySet()) {
            StringBuilder body = bodies.get(shardOf(entry.getKey(), shards));
            if (body == null) {
                continue;
            }
            body.append(body.length() > 1 ? ",\n" : "\n");
            JsText.string(body, entry.getKey()).append(':');
            JsText.string(body, entry.getValue().toString());
        }
        bodies.forEach((shard, body) -> {
            body.append(body.length() > 1 ? "\n}" : "}");
            put(TERMS + number(shard, shards) + ".js", script("terms", String.valueOf(shard), body.toString()));
        });
    }

    private void writeDocChunk(int chunk, int chunks) {
        put(DOCS + number(chunk, chunks) + ".js", script("docs", String.valueOf(chunk),
                docChunk(kb.incidents(), chunk, pageOf)));
    }

    private void writeFacetsAndMeta() {
        for (Map.Entry<String, TaxonomyKind> facet : FACET_KINDS.entrySet()) {
            put(FACETS + facet.getKey() + ".js", script("facets", JsText.string(facet.getKey()),
                    facet(kb, facet.getValue())));
        }
        meta = script("meta", "0", meta(postings.statistics(), kb.incidents().size(), shards, chunks(kb), version()));
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

    private static String meta(List<ExportedPostings.FieldStatistics> statistics, int documents, int shards, int chunks,
                               String version) {
        // IncidentSearch ranks with the searcher's default similarity; its parameters are the engine's.
        BM25Similarity similarity = (BM25Similarity) IndexSearcher.getDefaultSimilarity();
        StringBuilder out = new StringBuilder("{\n\"format\":1,\n\"version\":");
        JsText.string(out, version);
        out.append(",\n\"documents\":").append(documents);
        out.append(",\n\"k1\":").append(similarity.getK1());
        out.append(",\n\"b\":").append(similarity.getB());
        out.append(",\n\"fields\":[");
        for (ExportedPostings.FieldStatistics field : statistics) {
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

    /**
     * A digest of every data file (of each file's SHA-256, so a rebuild hashes only the files it wrote again), so
     * the engine can ask for this build's files past any cache.
     */
    private String version() {
        MessageDigest digest = sha256();
        files().forEach((path, bytes) -> {
            if (!path.equals(META)) {
                digest.update(utf8(path));
                digest.update((byte) 0);
                digest.update(digests.get(path));
            }
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
