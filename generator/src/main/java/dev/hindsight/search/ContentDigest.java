package dev.hindsight.search;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * CRC-32C and CRC-32 of the same bytes, and how many there were: a digest that tells contents apart (not against
 * forgery), several times cheaper than SHA-256. Names the segments of a reproducible index ({@link StableIds}) and
 * versions the search data ({@link StaticSearchExport}).
 */
final class ContentDigest {
    /** How many bytes {@link #digest} gives. */
    static final int LENGTH = 16;

    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32 = new CRC32();
    private long length;

    /** The digest of {@code bytes} alone. */
    static byte[] of(byte[] bytes) {
        return new ContentDigest().update(bytes).digest();
    }

    ContentDigest update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    ContentDigest update(byte[] bytes, int from, int count) {
        crc32c.update(bytes, from, count);
        crc32.update(bytes, from, count);
        length += count;
        return this;
    }

    byte[] digest() {
        return ByteBuffer.allocate(LENGTH).putInt((int) crc32c.getValue()).putInt((int) crc32.getValue())
                .putLong(length).array();
    }
}
