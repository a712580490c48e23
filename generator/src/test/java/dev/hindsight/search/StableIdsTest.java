package dev.hindsight.search;

import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An index with stable ids is still one Lucene reads and checks, holds none of the random ids, and is reproducible. */
class StableIdsTest {
    @Test
    void twoIndexesOfTheSameDocumentsGetTheSameBytesAndStayValid() throws IOException {
        Directory first = indexed();
        Directory second = indexed();
        List<byte[]> randomIds = ids(first);
        randomIds.addAll(ids(second));
        String commitFile = SegmentInfos.readLatestCommit(first).getSegmentsFileName();
        assertThat(files(first).get(commitFile)).as("Lucene's own ids differ").isNotEqualTo(files(second).get(commitFile));

        StableIds.apply(first, false);
        StableIds.apply(second, false);

        Map<String, byte[]> files = files(first);
        assertThat(files.keySet()).isEqualTo(files(second).keySet());
        files.forEach((name, bytes) -> assertThat(files(second).get(name)).as(name).isEqualTo(bytes));
        files.forEach((name, bytes) -> randomIds.forEach(id -> assertThat(indexOf(bytes, id)).as(name).isEqualTo(-1)));
        for (String name : first.listAll()) {
            try (IndexInput in = first.openInput(name, IOContext.READONCE)) {
                CodecUtil.checksumEntireFile(in);
            }
        }
        try (CheckIndex check = new CheckIndex(first)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
        try (DirectoryReader reader = DirectoryReader.open(first)) {
            assertThat(reader.maxDoc()).isEqualTo(30);
        }

        StableIds.apply(first, false);
        files.forEach((name, bytes) -> assertThat(files(first).get(name)).as("applied again: " + name).isEqualTo(bytes));
    }

    @Test
    void anIndexOfCompoundFilesIsLeftAsLuceneWroteIt() throws IOException {
        Directory compound = indexed(true);
        Map<String, byte[]> before = files(compound);
        assertThat(before.keySet()).anyMatch(name -> name.endsWith(".cfs"));

        StableIds.apply(compound, false);

        before.forEach((name, bytes) -> assertThat(files(compound).get(name)).as(name).isEqualTo(bytes));
        try (CheckIndex check = new CheckIndex(compound)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
    }

    private static Directory indexed() throws IOException {
        return indexed(false);
    }

    /** Three segments of ten documents, one commit. */
    private static Directory indexed(boolean compoundFiles) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer()).setUseCompoundFile(compoundFiles);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int n = 0; n < 30; n++) {
                Document doc = new Document();
                doc.add(new TextField("body", "report " + n + " about latency on service " + n % 4, Field.Store.YES));
                writer.addDocument(doc);
                if (n % 10 == 9) {
                    writer.flush();
                }
            }
            writer.commit();
        }
        return directory;
    }

    private static List<byte[]> ids(Directory directory) throws IOException {
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        List<byte[]> ids = new ArrayList<>(List.of(commit.getId()));
        for (SegmentCommitInfo segment : commit) {
            ids.add(segment.info.getId());
            if (segment.getId() != null) {
                ids.add(segment.getId());
            }
        }
        assertThat(ids).hasSizeGreaterThan(3);
        return ids;
    }

    private static Map<String, byte[]> files(Directory directory) {
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
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int at = 0; at + part.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
                return at;
            }
        }
        return -1;
    }
}
