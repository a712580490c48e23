package dev.hindsight.cache;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes one cache file: a magic word and format version, then whatever the caller writes, then a checksum of it
 * all, so that a reader can tell a complete file of its own version from anything else. Numbers are varints
 * (most are small counts, lines and lengths); a string written before is written again as its number in a table,
 * since the same services, people and headings recur in thousands of reports. Not thread-safe.
 */
public final class CacheWriter implements Closeable {
    /** The first four bytes of every cache file ("HSC" and a format number, see {@link CacheReader}). */
    static final int MAGIC = 0x48534301;

    private final OutputStream out;
    private final CRC32C checksum = new CRC32C();
    private final Map<String, Integer> strings = new HashMap<>();
    /**
     * What is not yet written: its own buffer rather than a BufferedOutputStream, whose synchronized write per
     * varint, and a checksum update per varint, were most of the time it took to save the state of 10,000 reports.
     */
    private final byte[] buffer = new byte[1 << 16];
    private int position;

    private CacheWriter(OutputStream out, String kind) throws IOException {
        this.out = out;
        writeFixedInt(MAGIC);
        writeString(kind);
    }

    /**
     * A writer of {@code file}, which it creates or truncates; {@code kind} names what the file holds (and its
     * version), which the reader must expect.
     */
    public static CacheWriter create(Path file, String kind) throws IOException {
        return new CacheWriter(Files.newOutputStream(file), kind);
    }

    /** What a cache file holds, written by the caller. */
    @FunctionalInterface
    public interface Contents {
        void write(CacheWriter out) throws IOException;
    }

    /**
     * Writes {@code file} through a file beside it, moved into place when complete: a save that fails half-way
     * (a full disk, an exception in the caller) leaves the previous file as it was, never a shorter one whose
     * checksum the closing writer vouches for; and a file a reader mapped is replaced, never truncated under the
     * mapping. The file beside it has a fixed name, so a save killed half-way leaves nothing the next one does
     * not overwrite.
     */
    public static void save(Path file, String kind, Contents contents) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (CacheWriter out = create(partial, kind)) {
                contents.write(out);
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Something written item by item. */
    @FunctionalInterface
    public interface ItemWriter<T> {
        void write(CacheWriter writer, T item) throws IOException;
    }

    public void writeBoolean(boolean value) throws IOException {
        writeRaw(value ? 1 : 0);
    }

    /** A non-negative int takes one byte below 128; a negative one five. */
    public void writeInt(int value) throws IOException {
        writeLong(value & 0xFFFFFFFFL);
    }

    public void writeLong(long value) throws IOException {
        room(10);
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    public void writeDouble(double value) throws IOException {
        long bits = Double.doubleToRawLongBits(value);
        room(8);
        for (int i = 0; i < 8; i++) {
            buffer[position++] = (byte) (bits >>> (56 - 8 * i));
        }
    }

    /** A byte array, {@code null} included. */
    public void writeBytes(byte[] bytes) throws IOException {
        if (bytes == null) {
            writeInt(0);
            return;
        }
        writeInt(bytes.length + 1);
        write(bytes, 0, bytes.length);
    }

    /**
     * A string, {@code null} included; written in full the first time, later as its number. Strings of Latin-1
     * characters are written a byte a character, others as UTF-16: unlike UTF-8 that keeps every string as it was,
     * lone surrogates included, and Chinese text takes two bytes a character rather than three.
     */
    public void writeString(String value) throws IOException {
        if (value == null) {
            writeInt(0);
            return;
        }
        Integer seen = strings.get(value);
        if (seen != null) {
            writeInt(seen + 3);
            return;
        }
        strings.put(value, strings.size());
        byte[] latin1 = latin1(value);
        if (latin1 != null) {
            writeInt(1);
            writeInt(latin1.length);
            write(latin1, 0, latin1.length);
        } else {
            // Char by char: the UTF-16 charset would write a lone surrogate as '?'.
            byte[] utf16 = new byte[value.length() * 2];
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                utf16[2 * i] = (byte) (c >>> 8);
                utf16[2 * i + 1] = (byte) c;
            }
            writeInt(2);
            writeInt(value.length());
            write(utf16, 0, utf16.length);
        }
    }

    /** A collection's size and then each item. */
    public <T> void writeAll(Collection<T> items, ItemWriter<? super T> each) throws IOException {
        writeInt(items.size());
        for (T item : items) {
            each.write(this, item);
        }
    }

    /** An enum constant by its ordinal, {@code null} included: the format version changes when an enum does. */
    public void writeEnum(Enum<?> value) throws IOException {
        writeInt(value == null ? 0 : value.ordinal() + 1);
    }

    /** Ends the file with the checksum of everything before it, and closes it. */
    @Override
    public void close() throws IOException {
        try (out) {
            flushBuffer();
            writeFixedInt((int) checksum.getValue());
            out.write(buffer, 0, position); // the checksum itself is not checksummed
        }
    }

    private static byte[] latin1(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return null;
            }
        }
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void writeFixedInt(int value) throws IOException {
        room(4);
        for (int i = 0; i < 4; i++) {
            buffer[position++] = (byte) (value >>> (24 - 8 * i));
        }
    }

    private void writeRaw(int b) throws IOException {
        room(1);
        buffer[position++] = (byte) b;
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - position) {
            flushBuffer();
            if (length > buffer.length / 2) { // large arrays (index files, search data) go straight through
                checksum.update(bytes, offset, length);
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    /** Makes room for {@code bytes} more in the buffer. */
    private void room(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        checksum.update(buffer, 0, position);
        out.write(buffer, 0, position);
        position = 0;
    }
}
