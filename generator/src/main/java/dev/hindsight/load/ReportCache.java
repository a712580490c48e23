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
 * their diagnostics. Only valid for one set of {@link LoadSettings}; files that disappear are forgotten.
 */
public final class ReportCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger parsed = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();

    /** One file's bytes' digest and what parsing them gave. */
    record Entry(byte[] digest, Object result) {
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

    void put(String path, byte[] digest, Object result) {
        entries.put(path, new Entry(digest, result));
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
