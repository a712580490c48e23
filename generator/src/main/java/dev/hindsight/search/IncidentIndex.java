package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

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
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Incident incident : kb.incidents()) {
                writer.addDocument(IndexedIncident.document(incident));
            }
            // One segment: document numbers equal the knowledge base's order, and reading is simplest.
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
        return directory;
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
