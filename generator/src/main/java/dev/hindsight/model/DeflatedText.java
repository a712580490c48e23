package dev.hindsight.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A text kept deflated: a report's Markdown body, or the HTML rendered of it waiting for its page. The knowledge
 * base holds every body for as long as a build runs, but only the search index, the related-incident terms and the
 * incident page read one, each once. As Java strings
 * the bodies were about 35 MB of heap per 10,000 reports (Chinese text takes two bytes a character); deflated
 * they take about a quarter, which is what lets 50,000 reports build in a 1 GB heap. Immutable; equality is the
 * text's, whether it is kept deflated or {@link #stored}.
 */
public final class DeflatedText {
    /** The empty text, shared. */
    public static final DeflatedText EMPTY = new DeflatedText(new byte[0], 0);

    /** Deflaters hold native buffers that are slow to set up; each loading thread keeps one of each. */
    private static final ThreadLocal<Deflater> DEFLATERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Deflater> STORERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.NO_COMPRESSION, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private final byte[] deflated;
    /** The UTF-8 length, so inflating needs one exact array. */
    private final int length;

    private DeflatedText(byte[] deflated, int length) {
        this.deflated = deflated;
        this.length = length;
    }

    /** Keeps {@code text} deflated. */
    public static DeflatedText of(String text) {
        return of(text, DEFLATERS.get(), 3); // Markdown deflates to about a third
    }

    /**
     * Keeps {@code text} as UTF-8 in deflate's stored blocks: no smaller, but a copy to make and to read. Deflating
     * a build's bodies cost 2.5% of its CPU (zlib at about 80 MB/s here); a build with the heap to spare keeps them
     * this way. Equal to the deflated form of the same text.
     */
    public static DeflatedText stored(String text) {
        return of(text, STORERS.get(), 1);
    }

    /** {@code text} through {@code deflater}, which is expected to shrink it to about 1/{@code ratio}. */
    private static DeflatedText of(String text, Deflater deflater, int ratio) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        deflater.reset();
        deflater.setInput(utf8);
        deflater.finish();
        // Most bodies fit the first buffer.
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / ratio + 64);
        byte[] buffer = new byte[Math.max(256, Math.min(utf8.length, 32 * 1024))];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return new DeflatedText(out.toByteArray(), utf8.length);
    }

    /** The text, inflated again. */
    public String text() {
        return new String(utf8(), StandardCharsets.UTF_8);
    }

    /** The text's UTF-8 bytes, inflated again: a new array. */
    public byte[] utf8() {
        if (length == 0) {
            return new byte[0];
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setInput(deflated);
        byte[] utf8 = new byte[length];
        try {
            int at = 0;
            while (at < length) {
                int n = inflater.inflate(utf8, at, length - at);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new IllegalStateException("a deflated text ended early");
                }
                at += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a deflated text is corrupt", e);
        }
        return utf8;
    }

    /**
     * The deflated bytes (a copy), for the build cache: it stores bodies as they are, since inflating and
     * deflating every body again would cost more than all the rest of writing and reading the cache.
     */
    public byte[] deflatedBytes() {
        return deflated.clone();
    }

    /** The text's length in UTF-8 bytes, which {@link #ofDeflated} needs back with the bytes. */
    public int utf8Length() {
        return length;
    }

    /**
     * The text that {@link #deflatedBytes()} and {@link #utf8Length()} came from. Takes the array as it is, without
     * copying or inflating it: the cache reads one per report and its checksum already vouches for the bytes.
     */
    public static DeflatedText ofDeflated(byte[] deflated, int utf8Length) {
        if (utf8Length < 0) {
            throw new IllegalArgumentException("a negative length");
        }
        return utf8Length == 0 ? EMPTY : new DeflatedText(Objects.requireNonNull(deflated, "deflated"), utf8Length);
    }

    /** How many bytes the deflated text takes. */
    public int deflatedSize() {
        return deflated.length;
    }

    /**
     * Equal texts, in whichever form: the same bytes say so at once; different bytes of the same length (a stored
     * and a deflated form, or an edit that kept the length) are inflated and compared.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeflatedText other && other.length == length
                && (Arrays.equals(other.deflated, deflated) || Arrays.equals(other.utf8(), utf8()));
    }

    /** The text's UTF-8 length: the one thing both forms of a text share without inflating them. */
    @Override
    public int hashCode() {
        return length;
    }

    @Override
    public String toString() {
        return text();
    }
}
