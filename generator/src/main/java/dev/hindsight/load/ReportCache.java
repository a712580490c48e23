package dev.hindsight.load;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the reports of one source directory parsed to, by path and content digest, kept between builds in one
 * process (the preview server): a rebuild parses only the files whose bytes changed, and reuses the rest with
 * their diagnostics. A file whose size and modification time are those it had when it was read is not even
 * read again (as git trusts its index), unless it was modified within {@link #RACY_MILLIS} of being read: a
 * second write in the same clock tick could leave both the same. Only valid for one set of
 * {@link LoadSettings}; files that disappear are forgotten.
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

    /** Forgets every file not among {@code paths} (deleted or renamed reports). */
    void retainOnly(Collection<String> paths) {
        entries.keySet().retainAll(new java.util.HashSet<>(paths));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
