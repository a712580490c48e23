package dev.hindsight.search;

import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * Gives a Lucene index the same bytes every time it is built from the same documents. Lucene stamps each segment,
 * each segment's commit and each commit with a random 16-byte id (in every file's header and in the commit file),
 * and each segment's info with the time it was written, so two builds of the same reports published different
 * search/index/ files. This replaces every such id with one made of the segment's content, and the time with zeros,
 * and recomputes the checksum of each file it changes: the index stays one Lucene opens and checks.
 *
 * <p>A segment's id is a digest of its data files (their ids and checksums left out, as they change with the id),
 * so that a segment copied into another index (as {@link IncidentIndex} joins its segments) keeps its id there. The
 * ids only tell files of one segment from another's, which a digest of the content does as well as a random number.
 */
final class StableIds {
    private static final int ID_LENGTH = ContentDigest.LENGTH;
    /** The diagnostic holding the time the segment was written. */
    private static final String TIMESTAMP = "timestamp";

    private StableIds() {
    }

    /**
     * Rewrites the files of {@code directory}'s latest commit whose ids or times are not yet stable.
     *
     * @param segmentsStable whether its segments were copied from indexes already made stable (as a joined index's
     *                       are): their ids are kept without reading their data files again
     */
    static void apply(Directory directory, boolean segmentsStable) throws IOException {
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        for (SegmentCommitInfo segment : commit) {
            if (segment.info.getUseCompoundFile()) {
                // The files inside a compound file have checksums of their own, which this does not recompute:
                // the index is left as Lucene wrote it (its writers here make no compound files).
                return;
            }
        }
        Map<ByteBuffer, byte[]> all = new LinkedHashMap<>();
        List<byte[]> segmentIds = new ArrayList<>();
        for (SegmentCommitInfo segment : commit) {
            byte[] old = segment.info.getId();
            byte[] id = segmentsStable ? old : stableSegment(directory, segment);
            segmentIds.add(id);
            all.put(ByteBuffer.wrap(old), id);
            if (segment.getId() != null) {
                all.put(ByteBuffer.wrap(segment.getId()), derived(id, "commit of the segment"));
            }
            rewrite(directory, segment.info.name + ".si", Map.of(ByteBuffer.wrap(old), id), segment.info);
        }
        all.put(ByteBuffer.wrap(commit.getId()), derived(concatenated(segmentIds), commit.getSegmentsFileName()));
        rewrite(directory, commit.getSegmentsFileName(), all, null);
    }

    /**
     * Gives the segment's data files its stable id and returns it: CRC-32C, CRC-32 and length of those files (not
     * its info, which names them), each file's part of the name after the segment's, then its bytes but the id and
     * the footer's checksum. A segment's files carry its id in their header, and some in a second one inside (a
     * terms file holds its postings writer's).
     */
    private static byte[] stableSegment(Directory directory, SegmentCommitInfo segment) throws IOException {
        byte[] old = segment.info.getId();
        List<SegmentFile> files = new ArrayList<>();
        ContentDigest digest = new ContentDigest();
        byte[] zeros = new byte[ID_LENGTH];
        for (String name : new TreeSet<>(segment.files())) {
            if (name.equals(segment.info.name + ".si")) {
                continue;
            }
            byte[] bytes = read(directory, name);
            SegmentFile file = new SegmentFile(name, bytes, occurrences(bytes, old));
            digest.update(name.substring(segment.info.name.length()).getBytes(StandardCharsets.UTF_8));
            int end = hasFooter(bytes) ? bytes.length - Long.BYTES : bytes.length;
            int from = 0;
            for (int at : file.idsAt()) { // the bytes up to each id, then zeros for it
                digest.update(bytes, from, at - from).update(zeros);
                from = at + ID_LENGTH;
            }
            digest.update(bytes, from, end - from);
            files.add(file);
        }
        byte[] id = digest.digest();
        if (!Arrays.equals(id, old)) {
            for (SegmentFile file : files) {
                file.idsAt().forEach(at -> System.arraycopy(id, 0, file.bytes(), at, ID_LENGTH));
                if (!file.idsAt().isEmpty()) {
                    write(directory, file.name(), file.bytes());
                }
            }
        }
        return id;
    }

    /** One of a segment's data files: its bytes and where its segment's id is in them. */
    private record SegmentFile(String name, byte[] bytes, List<Integer> idsAt) {
    }

    /** Where {@code id} is in {@code bytes}, ascending, never overlapping. */
    private static List<Integer> occurrences(byte[] bytes, byte[] id) {
        List<Integer> found = new ArrayList<>(2);
        byte first = id[0];
        for (int at = 0; at + ID_LENGTH <= bytes.length; at++) {
            if (bytes[at] == first && Arrays.equals(bytes, at, at + ID_LENGTH, id, 0, ID_LENGTH)) {
                found.add(at);
                at += ID_LENGTH - 1;
            }
        }
        return found;
    }

    /** An id for something made of {@code base}: a digest of base and what. */
    private static byte[] derived(byte[] base, String what) {
        return new ContentDigest().update(base).update(what.getBytes(StandardCharsets.UTF_8)).digest();
    }

    private static byte[] concatenated(List<byte[]> ids) {
        ByteBuffer all = ByteBuffer.allocate(ids.size() * ID_LENGTH);
        ids.forEach(all::put);
        return all.array();
    }

    /**
     * Puts the stable ids in place of the old ones ({@code replaced}) wherever they are in a file, and, in the file of
     * a segment's {@code info}, its maps in order; then the new checksum. A file already stable is left as it is.
     */
    private static void rewrite(Directory directory, String name, Map<ByteBuffer, byte[]> replaced, SegmentInfo info)
            throws IOException {
        byte[] bytes = read(directory, name);
        byte[] stable = bytes.clone();
        replaceAll(stable, replaced);
        if (info != null) {
            Map<String, String> diagnostics = new TreeMap<>(info.getDiagnostics());
            diagnostics.computeIfPresent(TIMESTAMP, (key, time) -> "0".repeat(time.length()));
            inOrder(stable, info.getDiagnostics(), diagnostics);
            inOrder(stable, info.getAttributes(), new TreeMap<>(info.getAttributes()));
        }
        if (Arrays.equals(bytes, stable)) {
            return;
        }
        write(directory, name, stable);
    }

    /** Replaces the file with {@code bytes}, its footer's checksum made theirs. */
    private static void write(Directory directory, String name, byte[] bytes) throws IOException {
        if (!hasFooter(bytes)) {
            throw new IOException("the index file " + name + " has no checksum footer");
        }
        CRC32 checksum = new CRC32();
        checksum.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, checksum.getValue());
        directory.deleteFile(name);
        try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
            out.writeBytes(bytes, bytes.length);
        }
    }

    /**
     * Replaces every occurrence of an id of {@code replaced} (old id to new). Lucene's ids count up from a random
     * start, so that nothing else in a file is one by chance.
     */
    private static void replaceAll(byte[] bytes, Map<ByteBuffer, byte[]> replaced) {
        replaced.forEach((old, stable) -> occurrences(bytes, old.array())
                .forEach(at -> System.arraycopy(stable, 0, bytes, at, ID_LENGTH)));
    }

    /** Whether the file ends with Lucene's footer: magic, algorithm (0), checksum. */
    private static boolean hasFooter(byte[] bytes) {
        return bytes.length >= CodecUtil.footerLength()
                && ByteBuffer.wrap(bytes).getInt(bytes.length - CodecUtil.footerLength()) == CodecUtil.FOOTER_MAGIC;
    }

    /**
     * Writes the map Lucene wrote as {@code written} as {@code stable} (the same keys, values as long), in place.
     * Lucene keeps a segment's diagnostics and attributes in maps whose order changes from one JVM to the next, and
     * writes them in that order: count, then each key and value, every number a vint and every string UTF-8.
     */
    private static void inOrder(byte[] bytes, Map<String, String> written, Map<String, String> stable)
            throws IOException {
        if (written.size() < 1) {
            return;
        }
        ByteBuffersDataOutput countOut = new ByteBuffersDataOutput();
        countOut.writeVInt(written.size());
        byte[] count = countOut.toArrayCopy();
        for (int at = 0; at + count.length < bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + count.length, count, 0, count.length)) {
                int end = endOfMap(bytes, at + count.length, written);
                if (end > 0) {
                    ByteBuffersDataOutput orderedOut = new ByteBuffersDataOutput();
                    orderedOut.writeMapOfStrings(stable); // count, then keys and values, as Lucene wrote them
                    byte[] ordered = orderedOut.toArrayCopy();
                    if (ordered.length == end - at) {
                        System.arraycopy(ordered, 0, bytes, at, ordered.length);
                    }
                    return;
                }
            }
        }
    }

    /** Where the map's entries starting at {@code at} end, if they are exactly {@code expected}'s; -1 if not. */
    private static int endOfMap(byte[] bytes, int at, Map<String, String> expected) {
        int[] cursor = {at};
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            String key = string(bytes, cursor);
            String value = key == null ? null : string(bytes, cursor);
            if (value == null || !value.equals(expected.get(key))) {
                return -1;
            }
            found.put(key, value);
        }
        return found.equals(expected) ? cursor[0] : -1;
    }

    /** The UTF-8 string (vint length, bytes) at the cursor, which moves past it; {@code null} if there is none. */
    private static String string(byte[] bytes, int[] cursor) {
        int length = 0;
        int shift = 0;
        int at = cursor[0];
        while (at < bytes.length && shift < 32) {
            byte b = bytes[at++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (length < 0 || at + length > bytes.length) {
                    return null;
                }
                cursor[0] = at + length;
                return new String(bytes, at, length, StandardCharsets.UTF_8);
            }
            shift += 7;
        }
        return null;
    }

    private static byte[] read(Directory directory, String name) throws IOException {
        try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
            return IncidentIndex.readAll(in);
        }
    }
}
