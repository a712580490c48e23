package dev.hindsight.cache;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a file that {@link CacheWriter} wrote, in the same order. Opening checks the whole file first: the magic
 * word, the kind and version, the checksum; anything else (a file of another version, cut short by a crash or
 * changed by hand) is a {@link CacheFormatException}, upon which the caller builds without the cache. Not
 * thread-safe.
 */
public final class CacheReader {
    private final ByteBuffer in;
    private final List<String> strings = new ArrayList<>();

    private CacheReader(ByteBuffer in) {
        this.in = in;
    }

    /** Something read item by item. */
    @FunctionalInterface
    public interface ItemReader<T> {
        T read(CacheReader reader) throws IOException;
    }

    /** Opens {@code file}, which must hold {@code kind} (as it was written) and be complete. */
    public static CacheReader open(Path file, String kind) throws IOException {
        ByteBuffer bytes;
        // Mapped rather than read: the cache of 10,000 reports is tens of megabytes the heap need not hold.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        if (bytes.limit() < 8 || bytes.getInt(0) != CacheWriter.MAGIC) {
            throw new CacheFormatException(file + " is not a cache file of this Hindsight version");
        }
        CRC32C checksum = new CRC32C();
        checksum.update(bytes.duplicate().limit(bytes.limit() - 4));
        if ((int) checksum.getValue() != bytes.getInt(bytes.limit() - 4)) {
            throw new CacheFormatException(file + " is incomplete or damaged");
        }
        CacheReader reader = new CacheReader(bytes.position(4).limit(bytes.limit() - 4));
        String written = reader.readString();
        if (!kind.equals(written)) {
            throw new CacheFormatException(file + " holds " + written + ", not " + kind);
        }
        return reader;
    }

    /**
     * Reads {@code file}, which must hold {@code kind}, to its end, the twin of {@link CacheWriter#save}. Whatever is
     * wrong with it, the caller is told by a {@link CacheFormatException} and builds from scratch: the checksum
     * leaves little to go wrong, but a file written by other code of the same format version, or a state of other
     * reports, must not stop the build with an exception from deep inside (a record refusing a null, an index out
     * of bounds, an unsorted array).
     */
    public static <T> T read(Path file, String kind, ItemReader<T> contents) throws IOException {
        CacheReader in = open(file, kind);
        T read;
        try {
            read = contents.read(in);
        } catch (RuntimeException e) {
            CacheFormatException refused = new CacheFormatException(file + " does not decode as " + kind + ": " + e);
            refused.initCause(e);
            throw refused;
        }
        in.expectEnd();
        return read;
    }

    public boolean readBoolean() throws IOException {
        return take() != 0;
    }

    public int readInt() throws IOException {
        long value = readLong();
        if (value >>> 32 != 0) {
            throw new CacheFormatException("an int out of range");
        }
        return (int) value;
    }

    public long readLong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = take();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new CacheFormatException("a number too long");
    }

    public double readDouble() throws IOException {
        try {
            return in.getDouble();
        } catch (BufferUnderflowException e) {
            throw new CacheFormatException("the file ends early");
        }
    }

    public byte[] readBytes() throws IOException {
        int length = readInt();
        if (length == 0) {
            return null;
        }
        byte[] bytes = new byte[checkedLength(length - 1, 1)];
        in.get(bytes);
        return bytes;
    }

    public String readString() throws IOException {
        int tag = readInt();
        switch (tag) {
            case 0:
                return null;
            case 1: {
                byte[] latin1 = new byte[checkedLength(readInt(), 1)];
                in.get(latin1);
                return remember(new String(latin1, StandardCharsets.ISO_8859_1));
            }
            case 2: {
                // Char by char: the UTF-16 charset would read a lone surrogate as U+FFFD.
                char[] utf16 = new char[checkedLength(readInt(), 2) / 2];
                for (int i = 0; i < utf16.length; i++) {
                    utf16[i] = in.getChar();
                }
                return remember(new String(utf16));
            }
            default:
                // A tag of 2^31 or more reads as a negative int: it names no string either.
                if (tag < 0 || tag - 3 >= strings.size()) {
                    throw new CacheFormatException("a string read before it was written");
                }
                return strings.get(tag - 3);
        }
    }

    /** A list as {@link CacheWriter#writeAll} wrote it (modifiable, for the caller to wrap or copy). */
    public <T> List<T> readAll(ItemReader<T> each) throws IOException {
        int size = readInt();
        if (size < 0) {
            throw new CacheFormatException("a negative count");
        }
        List<T> items = new ArrayList<>(Math.min(size, 1 << 16));
        for (int i = 0; i < size; i++) {
            items.add(each.read(this));
        }
        return items;
    }

    /** The constant {@link CacheWriter#writeEnum} wrote, or {@code null}. */
    public <E extends Enum<E>> E readEnum(E[] values) throws IOException {
        int ordinal = readInt();
        if (ordinal < 0 || ordinal > values.length) {
            throw new CacheFormatException("no such constant: " + ordinal);
        }
        return ordinal == 0 ? null : values[ordinal - 1];
    }

    /** Passes over the rest of the file, for a reader that has read enough to know it does not want it. */
    public void skipRest() {
        in.position(in.limit());
    }

    /** Whether everything written was read: a reader that stops short has misread the format. */
    public void expectEnd() throws IOException {
        if (in.hasRemaining()) {
            throw new CacheFormatException(in.remaining() + " bytes left unread");
        }
    }

    private String remember(String value) {
        strings.add(value);
        return value;
    }

    private int checkedLength(int count, int unit) throws CacheFormatException {
        // readInt gives lengths of 2^31 or more as negative ints, which no array can have.
        if (count < 0 || (long) count * unit > in.remaining()) {
            throw new CacheFormatException("the file ends early");
        }
        return count * unit;
    }

    private byte take() throws CacheFormatException {
        if (!in.hasRemaining()) {
            throw new CacheFormatException("the file ends early");
        }
        return in.get();
    }
}
