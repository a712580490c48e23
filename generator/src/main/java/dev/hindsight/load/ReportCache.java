package dev.hindsight.load;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.model.Incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the reports of one source directory parsed to, by path and content digest, kept between builds in one
 * process (the preview server): a rebuild parses only the files whose bytes changed, and reuses the rest with
 * their diagnostics. A file whose size and modification time are those it had when it was read is not even
 * read again (as git trusts its index), unless it was modified within {@link #RACY_MILLIS} of being read: a
 * second write in the same clock tick could leave both the same. Only valid for one set of
 * {@link LoadSettings}; files that disappear are forgotten. {@link #save} and {@link #restore} carry it to the next
 * process, so that a fresh build of many reports parses only those that changed.
 */
public final class ReportCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger parsed = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    /** The whole file this cache was restored from or last saved to, {@code null} if none. */
    private Whole whole;

    /**
     * At most one entry in this many may have changed since the whole file was written for {@link #save} to write
     * only the changes: beyond that, restoring would decode the changed reports twice for little saved.
     */
    private static final int MAX_CHANGED_SHARE = 8;
    /** What the changes file holds: its own kind, so that neither file is ever read as the other. */
    private static final String CHANGES_KIND = "changes of " + IncidentCodec.KIND;

    /** A file {@link #save} wrote whole: where, the token it carries, and its entries as written. */
    private record Whole(Path file, long token, Map<String, Entry> entries) {
    }

    /** How long after its modification a file's size and time are trusted to tell whether it changed. */
    static final long RACY_MILLIS = 2_000;

    /** One file's bytes' digest, its size and modification time, when it was read, and what parsing gave. */
    record Entry(byte[] digest, long size, long modifiedMillis, long readMillis, Object result) {
        boolean unchangedBy(long size, long modifiedMillis) {
            return this.size == size && this.modifiedMillis == modifiedMillis
                    && readMillis - modifiedMillis >= RACY_MILLIS;
        }
    }

    /** How many files the last load parsed, and how many it took from the cache. */
    public record Counts(int parsed, int reused) {
    }

    /** The figures of the last load (since {@link #startLoad()}). */
    public Counts lastLoad() {
        return new Counts(parsed.get(), reused.get());
    }

    void startLoad() {
        parsed.set(0);
        reused.set(0);
    }

    /** The cached result for {@code path} if its size and time say it was not modified since it was read. */
    Object getUnmodified(String path, long size, long modifiedMillis) {
        Entry entry = entries.get(path);
        if (entry != null && entry.unchangedBy(size, modifiedMillis)) {
            reused.incrementAndGet();
            return entry.result();
        }
        return null;
    }

    /** The cached result for {@code path} if its bytes are still those of {@code digest}. */
    Object get(String path, byte[] digest) {
        Entry entry = entries.get(path);
        if (entry != null && Arrays.equals(entry.digest(), digest)) {
            reused.incrementAndGet();
            return entry.result();
        }
        parsed.incrementAndGet();
        return null;
    }

    void put(String path, byte[] digest, long size, long modifiedMillis, long readMillis, Object result) {
        entries.put(path, new Entry(digest, size, modifiedMillis, readMillis, result));
    }

    /**
     * The incident the cached result for {@code path} holds (the very object a load reusing it gives), or
     * {@code null} when there is none: not cached, or a report with errors.
     */
    public Incident incident(String path) {
        Entry entry = entries.get(path);
        return entry != null && entry.result() instanceof ReportLoader.FileResult result
                ? result.parsed().map(ReportParser.Parsed::incident).orElse(null) : null;
    }

    /** Every entry as it is now, in path order. */
    SortedMap<String, Entry> snapshot() {
        return new TreeMap<>(entries);
    }

    /** Forgets every file not among {@code paths} (deleted or renamed reports), which are all different. */
    void retainOnly(Collection<String> paths) {
        // Mostly the files of the last load: no more entries than paths, each path with one, leaves none to forget,
        // and is a lookup a path where the set to retain would cost an insertion a path and a lookup an entry.
        if (entries.size() <= paths.size() && paths.stream().allMatch(entries::containsKey)) {
            return;
        }
        entries.keySet().retainAll(new java.util.HashSet<>(paths));
    }

    /**
     * Writes every entry to {@code file}, replacing it only once the new file is complete: a build stopped halfway
     * leaves the previous cache (or none), never a partial one. Entries go in path order. Safe while a load runs;
     * the file then holds each entry as it was before or after.
     *
     * <p>When this cache was restored from (or last saved whole to) {@code file} and few entries changed since,
     * only those are written, into {@link #changesOf the file beside it}, and {@code file} is left as it is:
     * re-encoding 10,000 reports to record one edit was most of a fresh rebuild's cache write. The changes name
     * the whole file they apply to, by a token both carry, so changes left beside an older or newer whole file
     * are never applied to it.
     *
     * @throws IOException when a file cannot be written (the one being written is then as it was) or the changes
     *                     beside a new whole file cannot be removed (they name the replaced file's token: ignored)
     */
    public void save(Path file) throws IOException {
        SortedMap<String, Entry> sorted = snapshot();
        Path changes = changesOf(file);
        if (whole != null && whole.file().equals(file)) {
            SortedMap<String, Entry> changed = new TreeMap<>();
            sorted.forEach((path, entry) -> {
                if (whole.entries().get(path) != entry) {
                    changed.put(path, entry);
                }
            });
            List<String> removed = whole.entries().keySet().stream().filter(path -> !sorted.containsKey(path))
                    .sorted().toList();
            if ((changed.size() + removed.size()) * MAX_CHANGED_SHARE <= whole.entries().size()) {
                CacheWriter.save(changes, CHANGES_KIND, out -> {
                    out.writeLong(whole.token());
                    writeEntries(out, changed);
                    out.writeAll(removed, CacheWriter::writeString);
                });
                return;
            }
        }
        // A token, not a digest of the contents: it only has to tell this whole file from any other.
        long token = ThreadLocalRandom.current().nextLong();
        CacheWriter.save(file, IncidentCodec.KIND, out -> {
            out.writeLong(token);
            writeEntries(out, sorted);
        });
        whole = new Whole(file, token, sorted); // first: the file is in place, whatever happens to the changes
        // Changes beside it would name the replaced file's token and be ignored; removed, they cannot mislead.
        Files.deleteIfExists(changes);
    }

    /** Where {@link #save} puts the entries changed since {@code file} was written whole. */
    static Path changesOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".changes");
    }

    private static void writeEntries(CacheWriter out, SortedMap<String, Entry> entries) throws IOException {
        out.writeInt(entries.size());
        for (Map.Entry<String, Entry> each : entries.entrySet()) {
            Entry entry = each.getValue();
            out.writeString(each.getKey());
            out.writeBytes(entry.digest());
            // Times may be negative: an entry whose metadata moved while it was read has Long.MIN_VALUE.
            out.writeLong(entry.size());
            out.writeLong(entry.modifiedMillis());
            out.writeLong(entry.readMillis());
            IncidentCodec.writeFileResult(out, (ReportLoader.FileResult) entry.result());
        }
    }

    /**
     * The cache that {@link #save} wrote to {@code file}, every entry as it was, so that files whose size and
     * modification time are unchanged are not even read. Only valid for the source directory and
     * {@link LoadSettings} of the process that saved it.
     *
     * @throws CacheFormatException when {@code file}, or the changes beside it that belong to it, is not a complete
     *                              cache file of this version (cut short, damaged, of another kind or version):
     *                              build without a cache then
     * @throws IOException          when it cannot be read
     */
    public static ReportCache restore(Path file) throws IOException {
        IncidentCodec codec = new IncidentCodec();
        ReportCache cache = new ReportCache();
        long token = CacheReader.read(file, IncidentCodec.KIND, in -> {
            long written = in.readLong();
            readEntries(in, codec, cache.entries);
            return written;
        });
        cache.whole = new Whole(file, token, new TreeMap<>(cache.entries));
        Path changes = changesOf(file);
        if (Files.exists(changes)) {
            CacheReader.read(changes, CHANGES_KIND, in -> {
                if (in.readLong() != token) {
                    in.skipRest(); // left beside the whole file this one replaced
                    return null;
                }
                readEntries(in, codec, cache.entries);
                for (String removed : in.readAll(CacheReader::readString)) {
                    cache.entries.remove(removed);
                }
                return null;
            });
        }
        return cache;
    }

    private static void readEntries(CacheReader in, IncidentCodec codec, Map<String, Entry> into) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String path = in.readString();
            byte[] digest = in.readBytes();
            long size = in.readLong();
            long modifiedMillis = in.readLong();
            long readMillis = in.readLong();
            into.put(path, new Entry(digest, size, modifiedMillis, readMillis, codec.readFileResult(in)));
        }
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
