package dev.hindsight.load;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.model.Incident;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Forgets every file not among {@code paths} (deleted or renamed reports). */
    void retainOnly(Collection<String> paths) {
        entries.keySet().retainAll(new java.util.HashSet<>(paths));
    }

    /**
     * Writes every entry to {@code file}, replacing it only once the new file is complete: a build stopped halfway
     * leaves the previous cache (or none), never a partial one. Entries go in path order, so the same reports give
     * the same bytes. Safe while a load runs; the file then holds each entry as it was before or after.
     *
     * @throws IOException when the file cannot be written; {@code file} is then as it was
     */
    public void save(Path file) throws IOException {
        SortedMap<String, Entry> sorted = snapshot();
        CacheWriter.save(file, IncidentCodec.KIND, out -> {
            out.writeInt(sorted.size());
            for (Map.Entry<String, Entry> each : sorted.entrySet()) {
                Entry entry = each.getValue();
                out.writeString(each.getKey());
                out.writeBytes(entry.digest());
                // Times may be negative: an entry whose metadata moved while it was read has Long.MIN_VALUE.
                out.writeLong(entry.size());
                out.writeLong(entry.modifiedMillis());
                out.writeLong(entry.readMillis());
                IncidentCodec.writeFileResult(out, (ReportLoader.FileResult) entry.result());
            }
        });
    }

    /**
     * The cache that {@link #save} wrote to {@code file}, every entry as it was, so that files whose size and
     * modification time are unchanged are not even read. Only valid for the source directory and
     * {@link LoadSettings} of the process that saved it.
     *
     * @throws CacheFormatException when {@code file} is not a complete cache file of this version (cut short,
     *                              damaged, of another kind or version): build without a cache then
     * @throws IOException          when it cannot be read
     */
    public static ReportCache restore(Path file) throws IOException {
        return CacheReader.read(file, IncidentCodec.KIND, in -> {
            ReportCache cache = new ReportCache();
            IncidentCodec codec = new IncidentCodec();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String path = in.readString();
                byte[] digest = in.readBytes();
                long size = in.readLong();
                long modifiedMillis = in.readLong();
                long readMillis = in.readLong();
                cache.entries.put(path, new Entry(digest, size, modifiedMillis, readMillis,
                        codec.readFileResult(in)));
            }
            return cache;
        });
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
