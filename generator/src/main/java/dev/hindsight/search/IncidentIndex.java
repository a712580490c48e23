package dev.hindsight.search;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;
import dev.hindsight.parallel.Workers;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The Lucene index of a knowledge base: one document per incident, in the knowledge base's order (newest
 * first), so document numbers are stable and the browser engine can use them too. The site copies its files
 * into {@code search/index/}.
 *
 * <p>The index is made of segments of {@value #SEGMENT_SIZE} consecutive incidents, each written by its own
 * writer: the segments are indexed on every core at once (one writer is one thread), each needs only a small
 * buffer, and a rebuild after an edit re-indexes only the segments whose incidents changed. Joining them adds
 * their files in order without merging, so document numbers still follow the knowledge base.
 */
public final class IncidentIndex {
    /** Where the index's files go in the site. */
    public static final String SITE_DIRECTORY = "search/index/";
    /** Incidents per segment: small enough that re-indexing one after an edit is quick. */
    static final int SEGMENT_SIZE = 256;
    /**
     * Segments of a one-off build, which re-indexes nothing later: fewer and larger ones. Each segment writes every
     * term it holds into its own dictionary, so 40 segments of 10,000 reports wrote most terms 40 times; 8 of them
     * took a tenth less CPU to index and to export (alternating runs of the same loaded reports). Eight keep two or
     * four cores evenly busy.
     */
    static final int ONE_OFF_SEGMENTS = 8;
    /** The largest one-off segment: 2,048 reports of ~6 kB fit the writer's buffer, so each is flushed once. */
    static final int ONE_OFF_MAX_SEGMENT_SIZE = 2048;
    /** What {@link #save} writes, and its version: another layout is another version. */
    static final String FILE_KIND = "hindsight-index-1";

    private final int segmentSize;
    private final List<Segment> segments;
    private final Directory directory;
    private final int reindexed;
    /** The previous build's files, whose bytes this one's may reuse; emptied once {@link #files} has run. */
    private Map<String, IndexFile> earlierFiles;
    private Map<String, IndexFile> files;

    /** A file of the joined index: its bytes and the checksum its codec footer records. */
    private record IndexFile(byte[] bytes, long checksum) {
    }

    /** One segment's incidents and the directory holding their index. */
    private record Segment(List<Incident> incidents, Directory directory) {
        boolean holds(List<Incident> others) {
            if (others.size() != incidents.size()) {
                return false;
            }
            for (int i = 0; i < others.size(); i++) {
                // Unchanged reports are usually the very same objects (the load cache); equals otherwise.
                if (others.get(i) != incidents.get(i) && !others.get(i).equals(incidents.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private IncidentIndex(int segmentSize, List<Segment> segments, Directory directory, int reindexed,
                          Map<String, IndexFile> earlierFiles) {
        this.segmentSize = segmentSize;
        this.segments = segments;
        this.directory = directory;
        this.reindexed = reindexed;
        this.earlierFiles = earlierFiles;
    }

    /** Indexes every incident of {@code kb}. */
    public static IncidentIndex build(KnowledgeBase kb) {
        return build(kb, null);
    }

    /**
     * Indexes {@code kb}, taking from {@code previous} (an index of an earlier state of the same reports, or
     * {@code null}) every segment whose incidents are unchanged.
     */
    public static IncidentIndex build(KnowledgeBase kb, IncidentIndex previous) {
        return build(kb, previous, SEGMENT_SIZE);
    }

    static IncidentIndex build(KnowledgeBase kb, IncidentIndex previous, int segmentSize) {
        return build(kb, previous, segmentSize, name -> new ByteBuffersDirectory());
    }

    /**
     * Indexes every incident of {@code kb} into files under {@code directory} rather than the heap, for a one-off
     * build: the index of 50,000 reports is about 130 MB, and its segments as much again while they are joined.
     * Its segments are larger ({@link #oneOffSegmentSize}), so its files are those of {@link #build(KnowledgeBase)}
     * only up to {@value #SEGMENT_SIZE} × {@value #ONE_OFF_SEGMENTS} reports; the documents, their order and every
     * search are the same. The caller removes the directory.
     */
    public static IncidentIndex buildOnDisk(KnowledgeBase kb, Path directory) {
        return build(kb, null, oneOffSegmentSize(kb.incidents().size()), name -> onDisk(directory.resolve(name)));
    }

    /** Incidents per segment of a one-off build of {@code count} incidents: an eighth, within the two bounds. */
    static int oneOffSegmentSize(int count) {
        int eighth = (count + ONE_OFF_SEGMENTS - 1) / ONE_OFF_SEGMENTS;
        return Math.max(SEGMENT_SIZE, Math.min(ONE_OFF_MAX_SEGMENT_SIZE, eighth));
    }

    /**
     * Indexes every incident of {@code kb} in the heap for a one-off build: the segments of {@link #buildOnDisk}, and
     * its files. A build whose reports fit the heap easily uses it: on disk, the segments' temporary files are
     * deleted while the build goes on, and on a journal-less ext4 each file the site then creates near them first
     * passes over every inode deleted in the last 30 seconds.
     */
    public static IncidentIndex buildOneOff(KnowledgeBase kb) {
        return build(kb, null, oneOffSegmentSize(kb.incidents().size()), name -> new ByteBuffersDirectory());
    }

    /** Makes the directory in which a segment, or the joined index, is written. */
    private interface Storage {
        Directory create(String name) throws IOException;
    }

    private static IncidentIndex build(KnowledgeBase kb, IncidentIndex previous, int segmentSize, Storage storage) {
        List<Incident> incidents = kb.incidents();
        List<Segment> earlier = previous != null && previous.segmentSize == segmentSize ? previous.segments : List.of();
        int count = (incidents.size() + segmentSize - 1) / segmentSize;
        List<Segment> segments = Workers.map("hindsight-index", IntStream.range(0, count).boxed().toList(), n -> {
            List<Incident> part = incidents.subList(n * segmentSize, Math.min(incidents.size(), (n + 1) * segmentSize));
            if (n < earlier.size() && earlier.get(n).holds(part)) {
                return earlier.get(n);
            }
            return new Segment(List.copyOf(part), indexed(part, create(storage, "segment-" + n)));
        });
        int reindexed = (int) IntStream.range(0, count)
                .filter(n -> n >= earlier.size() || segments.get(n) != earlier.get(n)).count();
        Map<String, IndexFile> earlierFiles = previous == null || previous.files == null ? Map.of() : previous.files;
        return new IncidentIndex(segmentSize, segments, joined(segments, create(storage, "joined")), reindexed,
                earlierFiles);
    }

    private static Directory create(Storage storage, String name) {
        try {
            return storage.create(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the search index's directory " + name, e);
        }
    }

    /**
     * A directory of files that skips syncing them: they are scratch files of one build, copied into the site,
     * and a crash loses the build anyway. Syncing hundreds of segment files would cost seconds.
     */
    private static Directory onDisk(Path path) throws IOException {
        return new FilterDirectory(FSDirectory.open(path, NoLockFactory.INSTANCE)) {
            @Override
            public void sync(Collection<String> names) {
            }

            @Override
            public void syncMetaData() {
            }
        };
    }

    private static Directory indexed(List<Incident> incidents, Directory directory) {
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(32)
                .setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Incident incident : incidents) {
                writer.addDocument(IndexedIncident.document(incident));
            }
            writer.forceMerge(1); // a segment per part even when a huge report overflowed the buffer
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
        stabilize(directory, false);
        return directory;
    }

    /** The segments as one index, in order, without merging them (merging would take as long as indexing). */
    private static Directory joined(List<Segment> segments, Directory directory) {
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            writer.addIndexes(segments.stream().map(Segment::directory).toArray(Directory[]::new));
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
        stabilize(directory, true); // the segments' ids are kept; only the commit's is new
        return directory;
    }

    /** Gives the index the same bytes whenever it holds the same documents ({@link StableIds}). */
    private static void stabilize(Directory directory, boolean segmentsStable) {
        try {
            StableIds.apply(directory, segmentsStable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    /**
     * Saves this index into {@code file} (one cache file rather than a directory of Lucene files: it is read
     * whole into the heap, as the index is kept, and its checksum covers the segments, the joined index and how
     * they fit together), so that a later process can {@link #restore} it and build on it.
     */
    public void save(Path file) throws IOException {
        Map<String, IndexFile> joined = joinedFiles(); // the arrays the site was written from
        // Joining copies each segment's files into the joined index as they are: a segment's file is written as
        // (a reference to) the joined index's array with the same bytes, found by its length and footer checksum
        // and compared, rather than read into a new array and hashed (25 MB for 10,000 reports).
        Map<Long, List<IndexFile>> joinedByChecksum = new HashMap<>();
        joined.values().forEach(known -> joinedByChecksum.computeIfAbsent(known.checksum(), c -> new ArrayList<>())
                .add(known));
        CacheWriter.save(file, FILE_KIND, out -> {
            out.writeInt(segmentSize);
            List<Incident> incidents = new ArrayList<>();
            segments.forEach(segment -> incidents.addAll(segment.incidents()));
            SearchStateFiles.writeIds(out, incidents);
            out.writeInt(segments.size());
            Map<byte[], Integer> written = new IdentityHashMap<>();
            byte[] buffer = new byte[64 * 1024];
            for (Segment segment : segments) {
                Directory segmentFiles = segment.directory();
                String[] names = segmentFiles.listAll();
                out.writeInt(names.length);
                for (String name : names) {
                    try (IndexInput in = segmentFiles.openInput(name, IOContext.READONCE)) {
                        writeFile(out, name, sameAsJoined(in, joinedByChecksum, buffer), written);
                    }
                }
            }
            String[] names = directory.listAll();
            out.writeInt(names.length);
            for (String name : names) {
                writeFile(out, name, joined.get(name).bytes(), written);
            }
            // The files' checksums: their bytes are the joined directory's, which is saved already.
            out.writeBoolean(true);
            out.writeAll(joined.entrySet(), (writer, entry) -> {
                writer.writeString(entry.getKey());
                writer.writeLong(entry.getValue().checksum());
            });
        });
    }

    /** A segment's file as the joined index's array of the same bytes, or as a new array when there is none. */
    private static byte[] sameAsJoined(IndexInput in, Map<Long, List<IndexFile>> joinedByChecksum, byte[] buffer)
            throws IOException {
        long checksum;
        try {
            checksum = CodecUtil.retrieveChecksum(in);
        } catch (IOException e) {
            checksum = -1; // no codec footer: no joined file has it either
        }
        for (IndexFile candidate : joinedByChecksum.getOrDefault(checksum, List.of())) {
            if (sameFile(in, checksum, candidate, buffer)) {
                return candidate.bytes();
            }
        }
        in.seek(0);
        return readAll(in);
    }

    /** One file of a directory: its name, then its bytes, or the number of the same array written before. */
    private static void writeFile(CacheWriter out, String name, byte[] bytes, Map<byte[], Integer> written)
            throws IOException {
        out.writeString(name);
        Integer same = written.get(bytes);
        if (same != null) {
            out.writeInt(same + 1);
        } else {
            out.writeInt(0);
            out.writeBytes(bytes);
            written.put(bytes, written.size());
        }
    }

    /**
     * The index {@link #save} wrote into {@code file}, as it was: a rebuild with it as the previous index
     * re-indexes what a rebuild with the saved one would. It re-indexed nothing itself: {@link #reindexedSegments}
     * is 0.
     *
     * @param kb the knowledge base the saved index was built of (its incidents are not in the file)
     * @throws CacheFormatException if the file is not a complete index of this version, or not of {@code kb}
     */
    public static IncidentIndex restore(Path file, KnowledgeBase kb) throws IOException {
        return restore(file, () -> kb);
    }

    /**
     * {@link #restore(Path, KnowledgeBase)} with the knowledge base asked for only once the files are read, so
     * that the caller can build it meanwhile.
     */
    public static IncidentIndex restore(Path file, Supplier<KnowledgeBase> kb) throws IOException {
        return CacheReader.read(file, FILE_KIND, in -> {
            int segmentSize = in.readInt();
            if (segmentSize <= 0) {
                throw new CacheFormatException("segments of " + segmentSize + " incidents");
            }
            List<String> ids = SearchStateFiles.readIds(in);
            int count = in.readInt();
            if (count != (ids.size() + segmentSize - 1) / segmentSize) {
                throw new CacheFormatException(count + " segments for " + ids.size() + " incidents");
            }
            List<Directory> directories = new ArrayList<>(count);
            List<byte[]> read = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                directories.add(readDirectory(in, read, new HashMap<>()));
            }
            Map<String, byte[]> joinedBytes = new HashMap<>();
            Directory joined = readDirectory(in, read, joinedBytes);
            List<Incident> incidents = SearchStateFiles.incidentsOf(ids, SearchStateFiles.await(kb));
            List<Segment> segments = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                List<Incident> part = incidents.subList(n * segmentSize,
                        Math.min(incidents.size(), (n + 1) * segmentSize));
                segments.add(new Segment(List.copyOf(part), directories.get(n)));
            }
            IncidentIndex index = new IncidentIndex(segmentSize, segments, joined, 0, Map.of());
            if (in.readBoolean()) {
                Map<String, IndexFile> files = new LinkedHashMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    String name = in.readString();
                    byte[] bytes = joinedBytes.get(name);
                    if (bytes == null) {
                        throw new CacheFormatException("no file " + name + " in the joined index");
                    }
                    files.put(name, new IndexFile(bytes, in.readLong()));
                }
                if (files.size() != joinedBytes.size()) { // files() would leave the others out of the site
                    throw new CacheFormatException("the checksums of some of the joined index's files only");
                }
                index.files = files;
            }
            return index;
        });
    }


    /**
     * A directory in the heap of the files {@link #save} wrote for one directory, each put into {@code byName}
     * with its bytes; {@code read} holds the bytes read so far, in order, for the files written as a number.
     */
    private static Directory readDirectory(CacheReader in, List<byte[]> read, Map<String, byte[]> byName)
            throws IOException {
        // Each output sized for its file: the default one starts with 1 kB blocks and copies all it holds into
        // blocks twice as large every hundred blocks, over and over for a segment's larger files.
        long[] size = {0};
        Directory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                () -> new ByteBuffersDataOutput(size[0]), ByteBuffersDirectory.OUTPUT_AS_MANY_BUFFERS);
        for (int i = in.readInt(); i > 0; i--) {
            String name = in.readString();
            int same = SearchStateFiles.readBelow(in, read.size() + 1);
            byte[] content = same == 0 ? in.readBytes() : read.get(same - 1);
            if (name == null || content == null || byName.put(name, content) != null) {
                throw new CacheFormatException("a file of the index without a name or bytes, or twice");
            }
            if (same == 0) {
                read.add(content);
            }
            size[0] = content.length;
            try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
                out.writeBytes(content, content.length);
            }
            size[0] = 0;
        }
        return directory;
    }

    /** Whether {@code in}, from its start, holds exactly {@code bytes} (of the same length). */
    private static boolean sameBytes(IndexInput in, byte[] bytes, byte[] buffer) throws IOException {
        in.seek(0);
        for (int at = 0; at < bytes.length; at += buffer.length) {
            int length = Math.min(buffer.length, bytes.length - at);
            in.readBytes(buffer, 0, length);
            if (!Arrays.equals(buffer, 0, length, bytes, at, at + length)) {
                return false;
            }
        }
        return true;
    }

    /** The whole index, to search or to read. */
    public Directory directory() {
        return directory;
    }

    /** The names of the index's files, in the order {@link #files()} gives them. */
    public List<String> fileNames() {
        try {
            return List.of(directory.listAll());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /** The rest of {@code in}'s file, from where it stands (the start, when just opened). */
    static byte[] readAll(IndexInput in) throws IOException {
        byte[] bytes = new byte[Math.toIntExact(in.length() - in.getFilePointer())];
        in.readBytes(bytes, 0, bytes.length);
        return bytes;
    }

    /** Copies one of the index's files into {@code out}, without holding it in the heap. */
    public void copyFile(String name, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
            for (long left = in.length(); left > 0; ) {
                int length = (int) Math.min(buffer.length, left);
                in.readBytes(buffer, 0, length);
                out.write(buffer, 0, length);
                left -= length;
            }
        }
    }

    /** How many segments this build indexed rather than took from the previous index. */
    public int reindexedSegments() {
        return reindexed;
    }

    /**
     * The index's files by name, for writing them into the site. A file the previous build's index had with the
     * same name and bytes (an unchanged segment keeps its name and bytes when joined again) keeps that build's
     * array: a rebuild compares 17 MB through a small buffer instead of allocating them again. The footer's
     * checksum tells most changed files apart without reading them.
     */
    public Map<String, byte[]> files() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        joinedFiles().forEach((name, file) -> bytes.put(name, file.bytes()));
        return bytes;
    }

    /** The joined index's files by name with their checksums, read (or taken from the previous index) once. */
    private synchronized Map<String, IndexFile> joinedFiles() {
        if (files == null) {
            files = new LinkedHashMap<>();
            byte[] buffer = new byte[64 * 1024]; // one for all the comparisons: the index has hundreds of files
            try {
                for (String name : directory.listAll()) {
                    try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                        long checksum = CodecUtil.retrieveChecksum(in);
                        IndexFile earlier = earlierFiles.get(name);
                        if (earlier != null && sameFile(in, checksum, earlier, buffer)) {
                            files.put(name, earlier);
                            continue;
                        }
                        in.seek(0);
                        files.put(name, new IndexFile(readAll(in), checksum));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the search index", e);
            }
            earlierFiles = Map.of(); // the previous build's bytes are not needed any more
        }
        return files;
    }

    /**
     * Whether the file {@code in} reads, whose footer gives {@code checksum}, holds {@code known}'s bytes: the length
     * and checksum tell most files apart without reading them.
     */
    private static boolean sameFile(IndexInput in, long checksum, IndexFile known, byte[] buffer) throws IOException {
        return known.bytes().length == in.length() && known.checksum() == checksum
                && sameBytes(in, known.bytes(), buffer);
    }
}
