package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the Lucene index of a knowledge base: one document per incident, in the knowledge base's
 * order (newest first), so document numbers are stable and the browser engine can use them too. One
 * segment, written in memory; the site copies its files into {@code search/index/}.
 */
public final class IncidentIndex {
    /** Where the index's files go in the site. */
    public static final String SITE_DIRECTORY = "search/index/";

    private IncidentIndex() {
    }

    public static Directory build(KnowledgeBase kb) {
        Directory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256)
                .setUseCompoundFile(false);
        Analyzer analyzer = new SearchAnalyzer();
        List<Incident> incidents = kb.incidents();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            // The writer takes documents in the knowledge base's order (document numbers must follow it), one
            // thread; the analysis, most of the work, runs on every core a batch ahead of the writer.
            CompletableFuture<List<Document>> next = analyse(incidents, 0, analyzer);
            for (int from = 0; from < incidents.size(); from += BATCH) {
                List<Document> batch = next.join();
                next = analyse(incidents, from + BATCH, analyzer);
                for (Document document : batch) {
                    writer.addDocument(document);
                }
            }
            // One segment: document numbers equal the knowledge base's order, and reading is simplest.
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
        return directory;
    }

    /** Documents analysed ahead of the writer at a time: enough to keep the cores busy, few enough to fit. */
    private static final int BATCH = 256;

    private static CompletableFuture<List<Document>> analyse(List<Incident> incidents, int from, Analyzer analyzer) {
        if (from >= incidents.size()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Incident> batch = incidents.subList(from, Math.min(incidents.size(), from + BATCH));
        return CompletableFuture.supplyAsync(() -> batch.parallelStream()
                .map(incident -> IndexedIncident.analysedDocument(incident, analyzer)).toList());
    }

    /** The index's files by name, for writing them into the site. */
    public static Map<String, byte[]> files(Directory directory) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (String name : directory.listAll()) {
                try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[(int) in.length()];
                    in.readBytes(bytes, 0, bytes.length);
                    files.put(name, bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
        return files;
    }
}
