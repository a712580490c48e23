package dev.hindsight.site;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A digest of an extra file's bytes, to notice that a rebuild changed it (not against forgery): CRC-32C, CRC-32 and
 * the length. Both checksums run in hardware, about ten times faster than SHA-256 over the 70 MB of search data.
 *
 * <p>Remembered per array, as long as the array lives: the search state a preview server keeps hands each rebuild
 * the very arrays of the files an edit left alone, which were 9,000 of 9,200 files, 40 MB to checksum again (6-10
 * ms of a 0.2 s rebuild). The arrays of extra files are never written to once made, which this relies on.
 */
final class ExtraDigests {
    /** Keyed by the array itself: arrays compare by identity, and a weak key lets the array go. */
    private static final Map<byte[], String> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

    private ExtraDigests() {
    }

    static String of(byte[] bytes) {
        String known = KNOWN.get(bytes);
        if (known == null) {
            known = computed(bytes);
            KNOWN.put(bytes, known);
        }
        return known;
    }

    private static String computed(byte[] bytes) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(bytes);
        CRC32 crc32 = new CRC32();
        crc32.update(bytes);
        return Long.toHexString(crc32c.getValue()) + ":" + Long.toHexString(crc32.getValue()) + ":" + bytes.length;
    }
}
