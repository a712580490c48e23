package dev.hindsight.search;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.Taxonomy;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.model.Incident;
import dev.hindsight.parallel.Workers;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

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
    /** How many data files are made at once before they are put in order (see {@link #putAll}). */
    private static final int BATCH = 512;
    /** Summaries longer than this (in code points) are cut for snippets. */
    static final int SUMMARY_LIMIT = 300;
    /** The filters: the taxonomy each reads and its name in the engine and the URL. */
    static final Map<String, TaxonomyKind> FACET_KINDS = facetKinds();
    /** What {@link #save} writes, and its version: another layout is another version. */
    static final String FILE_KIND = "hindsight-search-export-2";
    /** Between a path and its digest in {@link #version()}. */
    private static final byte[] SEPARATOR = {0};
    /** A UTF-8 lead byte's marker bits, by how many continuation bytes follow it. */
    private static final int[] UTF8_LEAD = {0, 0xc0, 0xe0, 0xf0};

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

    /** Term shards, then document chunks, then facets; numbered files in number order (zero-padded). */
    private static final Comparator<String> FILE_ORDER = Comparator.comparingInt(StaticSearchExport::fileGroup)
            .thenComparing(Comparator.naturalOrder());

    private final Function<Incident, String> pageOf;
    /** Where a one-off export sends each data file as it is written, keeping only its digest; {@code null}: kept. */
    private final BiConsumer<String, byte[]> sink;
    private final ExportedPostings postings;
    private KnowledgeBase kb;
    private int shards;
    /** Each term shard's terms in the postings' order, so that writing a shard again reads only its own terms. */
    private final List<List<String>> shardTerms = new ArrayList<>();
    /** The data files (all but meta.js) by site path, kept in the engine's order: files() and version() walk it. */
    private final TreeMap<String, DataFile> data = new TreeMap<>(FILE_ORDER);
    private byte[] meta;

    /**
     * A data file's bytes ({@code null} once given to the sink), with what {@link #version()} hashes of it: its path's
     * UTF-8 bytes and its {@link ContentDigest} (SHA-256 took 1% of a full build's CPU samples).
     */
    private record DataFile(byte[] path, byte[] bytes, byte[] digest) {
    }

    private StaticSearchExport(Function<Incident, String> pageOf, BiConsumer<String, byte[]> sink,
                               ExportedPostings postings, KnowledgeBase kb) {
        this.pageOf = pageOf;
        this.sink = sink;
        this.postings = postings;
        this.kb = kb;
    }

    /**
     * The engine's data files, site path → bytes.
     *
     * @param index  the index {@link IncidentIndex#build} made of {@code kb}
     * @param pageOf an incident's page, relative to the site root; called on several threads at once
     */
    public static Map<String, byte[]> files(Directory index, KnowledgeBase kb, Function<Incident, String> pageOf) {
        return export(index, kb, pageOf).files();
    }

    /** Exports the data of {@code index}, made of {@code kb}; see {@link #files(Directory, KnowledgeBase, Function)}. */
    public static StaticSearchExport export(Directory index, KnowledgeBase kb, Function<Incident, String> pageOf) {
        return export(index, kb, pageOf, null);
    }

    /**
     * Exports the data of {@code index} for a one-off build: each data file goes to {@code sink} as soon as it is
     * written and is not kept (for 50,000 reports they are about 240 MB). Returns meta.js, which is written last
     * because it carries the version of all the others.
     */
    public static byte[] exportTo(Directory index, KnowledgeBase kb, Function<Incident, String> pageOf,
                                  BiConsumer<String, byte[]> sink) {
        return export(index, kb, pageOf, Objects.requireNonNull(sink, "sink")).meta;
    }

    private static StaticSearchExport export(Directory index, KnowledgeBase kb, Function<Incident, String> pageOf,
                                             BiConsumer<String, byte[]> sink) {
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            checkDocuments(reader, kb);
            StaticSearchExport export = new StaticSearchExport(pageOf, sink, ExportedPostings.read(reader), kb);
            export.shards = shardCount(export.postings.bytes());
            export.indexShards();
            export.writeShards(allShards(export.shards));
            int chunks = chunks(kb);
            export.writeDocChunks(IntStream.range(0, chunks).boxed().toList(), chunks);
            export.writeFacets(FACET_KINDS.keySet());
            export.writeMeta();
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
            Set<String> terms = new TreeSet<>();
            for (int doc : changed) {
                terms.addAll(postings.changedTerms(reader, doc, IndexedIncident.termCounts(before.get(doc)),
                        IndexedIncident.termCounts(after.get(doc))));
            }
            postings.update(reader, changed, terms);
            KnowledgeBase previous = kb;
            kb = edited;
            writeShardsOf(terms);
            int chunks = chunks(edited);
            writeDocChunks(changed.stream().map(doc -> doc / DOCS_PER_CHUNK).distinct().toList(), chunks);
            writeFacets(FACET_KINDS.entrySet().stream()
                    .filter(facet -> !sameFacet(previous.taxonomy(facet.getValue()), edited.taxonomy(facet.getValue())))
                    .map(Map.Entry::getKey).toList());
            writeMeta();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /**
     * Saves this export into {@code file}, so that a later process can {@link #restore} it and {@link #update} it
     * after an edit. Only an export that keeps its files (from {@link #export}) can be saved.
     */
    public void save(Path file) throws IOException {
        if (sink != null) {
            throw new IllegalStateException("a one-off export keeps no files to save");
        }
        CacheWriter.save(file, FILE_KIND, out -> {
            SearchStateFiles.writeIds(out, kb.incidents());
            out.writeInt(shards);
            out.writeBytes(meta);
            // Each file with its digest: hashing them all again would cost what writing them does.
            out.writeAll(data.entrySet(), (writer, entry) -> {
                writer.writeString(entry.getKey());
                writer.writeBytes(entry.getValue().bytes());
                writer.writeBytes(entry.getValue().digest());
            });
            postings.write(out);
        });
    }

    /**
     * The export {@link #save} wrote into {@code file}, as it was: its files, and an {@link #update} that gives
     * what the saved export's would. Which terms each shard holds is worked out again from the postings.
     *
     * @param kb     the knowledge base the saved export was made of (its incidents are not in the file)
     * @param pageOf an incident's page, as given to {@link #export}
     * @throws CacheFormatException if the file is not a complete export of this version, or not of {@code kb}
     */
    public static StaticSearchExport restore(Path file, KnowledgeBase kb, Function<Incident, String> pageOf)
            throws IOException {
        return restore(file, () -> kb, pageOf);
    }

    /**
     * {@link #restore(Path, KnowledgeBase, Function)} with the knowledge base asked for only once the file is read,
     * so that the caller can build it meanwhile.
     */
    public static StaticSearchExport restore(Path file, Supplier<KnowledgeBase> later, Function<Incident, String> pageOf)
            throws IOException {
        return CacheReader.read(file, FILE_KIND, in -> {
            List<String> ids = SearchStateFiles.readIds(in);
            int shards = in.readInt();
            if (Integer.bitCount(shards) != 1 || shards > 1 << 16) {
                throw new CacheFormatException(shards + " term shards");
            }
            byte[] meta = in.readBytes();
            if (meta == null) {
                throw new CacheFormatException("no meta.js");
            }
            Map<String, DataFile> data = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String path = in.readString();
                byte[] bytes = in.readBytes();
                byte[] digest = in.readBytes();
                if (path == null || !loadedOnDemand(path) || bytes == null || digest == null
                        || digest.length != ContentDigest.LENGTH) {
                    throw new CacheFormatException("a data file " + path + " without its bytes or digest");
                }
                data.put(path, new DataFile(utf8(path), bytes, digest));
            }
            ExportedPostings postings = ExportedPostings.restore(in);
            KnowledgeBase kb = SearchStateFiles.await(later);
            SearchStateFiles.incidentsOf(ids, kb);
            StaticSearchExport export = new StaticSearchExport(pageOf, null, postings, kb);
            export.shards = shards;
            export.indexShards();
            export.data.putAll(data);
            export.meta = meta;
            return export;
        });
    }

    /** The data files by site path: meta.js first, then term shards, document chunks and facets in order. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(META, meta);
        data.forEach((path, file) -> files.put(path, file.bytes()));
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
        return IntStream.range(0, count).boxed().toList();
    }

    private static int fileGroup(String path) {
        return path.startsWith(TERMS) ? 0 : path.startsWith(DOCS) ? 1 : 2;
    }

    /** A data file to write: its site path, and its script's kind, key and data (see {@link #script}). */
    private record Planned(String path, String kind, String key, Consumer<StringBuilder> data) {
    }

    /**
     * Writes the files, made a batch at a time on all cores (the text and digest of every shard), then put in
     * their order, so that the sink sees the same sequence however they were scheduled. The batches bound what is
     * held at once: a 50,000-report export's shards are about 90 MB.
     */
    private void putAll(List<Planned> files) {
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Planned> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<DataFile> made = Workers.map("hindsight-shards", batch, file -> {
                byte[] bytes = script(new StringBuilder(8192), file.kind(), file.key(), file.data());
                return new DataFile(utf8(file.path()), bytes, ContentDigest.of(bytes));
            });
            for (int i = 0; i < batch.size(); i++) {
                String path = batch.get(i).path();
                DataFile file = made.get(i);
                if (sink != null) {
                    sink.accept(path, file.bytes());
                    file = new DataFile(file.path(), null, file.digest()); // the sink keeps the bytes
                }
                data.put(path, file);
            }
        }
    }

    private static int shardCount(long bytes) {
        int shards = 1;
        while (shards < (1 << 16) && bytes / shards > TARGET_SHARD_BYTES) {
            shards *= 2;
        }
        return shards;
    }

    /**
     * FNV-1a (32 bits) of the term's UTF-8 bytes, modulo the shard count; search.js computes the same. The bytes
     * are those of {@code String.getBytes(UTF_8)}, encoded on the fly: this runs for every term of a full export.
     */
    static int shardOf(String term, int shards) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < term.length() && Character.isLowSurrogate(term.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, term.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                codePoint = '?'; // what String.getBytes(UTF_8) writes for a lone surrogate
            }
            hash = fnv1a(hash, codePoint);
        }
        return Integer.remainderUnsigned(hash, shards);
    }

    /** FNV-1a over the code point's UTF-8 bytes: a lead byte, then six bits a byte from the highest. */
    private static int fnv1a(int hash, int codePoint) {
        if (codePoint < 0x80) {
            return fnv1aByte(hash, codePoint);
        }
        int following = codePoint < 0x800 ? 1 : codePoint < 0x10000 ? 2 : 3;
        int result = fnv1aByte(hash, UTF8_LEAD[following] | (codePoint >> 6 * following));
        for (int n = following - 1; n >= 0; n--) {
            result = fnv1aByte(result, 0x80 | (codePoint >> 6 * n & 0x3f));
        }
        return result;
    }

    private static int fnv1aByte(int hash, int b) {
        return (hash ^ b) * 0x01000193;
    }

    /** Which shard's list holds each term: from the postings' terms, in order. */
    private void indexShards() {
        shardTerms.clear();
        for (int shard = 0; shard < shards; shard++) {
            shardTerms.add(new ArrayList<>());
        }
        postings.terms().keySet().forEach(term -> shardTerms.get(shardOf(term, shards)).add(term));
    }

    /** Puts the term into its shard's list, in order, or takes it out, as the updated postings have it or not. */
    private void reindexTerm(String term, int shard) {
        List<String> terms = shardTerms.get(shard);
        int at = Collections.binarySearch(terms, term);
        boolean indexed = postings.terms().containsKey(term);
        if (indexed && at < 0) {
            terms.add(-at - 1, term);
        } else if (!indexed && at >= 0) {
            terms.remove(at);
        }
    }

    /** Writes again the shards of terms whose postings changed; every shard when the shard count changed. */
    private void writeShardsOf(Collection<String> terms) {
        int count = shardCount(postings.bytes());
        if (count != shards) {
            data.keySet().removeIf(path -> path.startsWith(TERMS));
            shards = count;
            indexShards();
            writeShards(allShards(count));
            return;
        }
        Set<Integer> changed = new TreeSet<>();
        for (String term : terms) {
            int shard = shardOf(term, count);
            reindexTerm(term, shard);
            changed.add(shard);
        }
        writeShards(changed);
    }

    /** Writes the given term shards again from their terms' postings. */
    private void writeShards(Collection<Integer> which) {
        putAll(which.stream().map(shard -> new Planned(TERMS + number(shard, shards) + ".js", "terms",
                String.valueOf(shard), out -> shardData(out, shardTerms.get(shard)))).toList());
    }

    private void shardData(StringBuilder out, List<String> terms) {
        out.append('{');
        for (int i = 0; i < terms.size(); i++) {
            out.append(i > 0 ? ",\n" : "\n");
            // Postings are VarintText, which needs no escaping: appended as they are, not copied first.
            JsText.string(out, terms.get(i)).append(":\"").append(postings.terms().get(terms.get(i))).append('"');
        }
        out.append(terms.isEmpty() ? "}" : "\n}");
    }

    private void writeDocChunks(List<Integer> which, int chunks) {
        List<Incident> incidents = kb.incidents();
        putAll(which.stream().map(chunk -> new Planned(DOCS + number(chunk, chunks) + ".js", "docs",
                String.valueOf(chunk), out -> docChunk(out, incidents, chunk, pageOf))).toList());
    }

    private void writeFacets(Collection<String> names) {
        putAll(names.stream().map(name -> new Planned(FACETS + name + ".js", "facets", JsText.string(name),
                out -> facet(out, kb, FACET_KINDS.get(name)))).toList());
    }

    /** meta.js: after the data files, whose digest is its version. */
    private void writeMeta() {
        String version = version();
        meta = script(new StringBuilder(), "meta", "0",
                out -> meta(out, postings.statistics(), kb.incidents().size(), shards, chunks(kb), version));
    }

    /**
     * Whether a facet file would be written the same: it holds each value's name and its incidents' documents,
     * and an update keeps every incident's document number. Comparing every value's incidents by id costs little
     * next to writing the file again (a map of every incident).
     */
    private static boolean sameFacet(Taxonomy before, Taxonomy after) {
        if (before.terms().size() != after.terms().size()) {
            return false;
        }
        for (int t = 0; t < before.terms().size(); t++) {
            TaxonomyTerm old = before.terms().get(t);
            TaxonomyTerm now = after.terms().get(t);
            if (!old.name().equals(now.name()) || old.count() != now.count()) {
                return false;
            }
            for (int i = 0; i < old.count(); i++) {
                if (!old.incidents().get(i).id().equals(now.incidents().get(i).id())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void docChunk(StringBuilder out, List<Incident> incidents, int chunk,
                                 Function<Incident, String> pageOf) {
        out.append('[');
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
        out.append(to > from ? "\n]" : "]");
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
    private static void facet(StringBuilder out, KnowledgeBase kb, TaxonomyKind kind) {
        Map<String, Integer> docs = new LinkedHashMap<>();
        for (int doc = 0; doc < kb.incidents().size(); doc++) {
            docs.put(kb.incidents().get(doc).id(), doc);
        }
        out.append('{');
        boolean first = true;
        for (TaxonomyTerm term : kb.taxonomy(kind).terms()) {
            int[] ids = term.incidents().stream().mapToInt(i -> docs.get(i.id())).sorted().distinct().toArray();
            StringBuilder encoded = new StringBuilder();
            int previous = -1;
            for (int id : ids) {
                VarintText.append(encoded, id - previous - 1);
                previous = id;
            }
            out.append(first ? "\n" : ",\n");
            first = false;
            JsText.string(out, term.name()).append(':');
            JsText.string(out, encoded.toString());
        }
        out.append(first ? "}" : "\n}");
    }

    private static void meta(StringBuilder out, List<ExportedPostings.FieldStatistics> statistics, int documents,
                             int shards, int chunks, String version) {
        // IncidentSearch ranks with the searcher's default similarity; its parameters are the engine's.
        BM25Similarity similarity = (BM25Similarity) IndexSearcher.getDefaultSimilarity();
        out.append("{\n\"format\":1,\n\"version\":");
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
        out.append("]\n}");
    }

    /**
     * A digest of every data file (of each file's digest, so a rebuild hashes only the files it wrote again), so
     * the engine can ask for this build's files past any cache.
     */
    private String version() {
        ContentDigest digest = new ContentDigest();
        for (DataFile file : data.values()) {
            digest.update(file.path());
            digest.update(SEPARATOR);
            digest.update(file.digest());
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** A script handing the data, which {@code data} appends, to the loader; written into {@code text}. */
    private static byte[] script(StringBuilder text, String kind, String key, Consumer<StringBuilder> data) {
        text.append("HindsightSearch.load(\"").append(kind).append("\",").append(key).append(',');
        data.accept(text);
        return text.append(");\n").toString().getBytes(StandardCharsets.UTF_8);
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
