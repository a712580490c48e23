package dev.hindsight.site;

import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A template's output encoded to UTF-8 straight into a stream, through one buffer. The templates' fixed text comes
 * already encoded ({@code binaryStaticContent}) and is copied as it is. A Writer in between cost a tenth of a full
 * build's CPU (profile of 10,000 reports): every string copied into its char buffer (and widened to two bytes a
 * character), then encoded again. Encodes exactly as that Writer did: a lone surrogate becomes '?', and a pair split
 * across two writes is still one character.
 */
final class Utf8PageOutput implements TemplateOutput {
    /** Strings at least this long are encoded by the JDK in one go, which beats a loop over their characters. */
    private static final int WHOLE_STRING = 32;
    /** jte's escapes, encoded. */
    private static final byte[] AMP = ascii("&amp;");
    private static final byte[] LT = ascii("&lt;");
    private static final byte[] GT = ascii("&gt;");
    private static final byte[] QUOT = ascii("&#34;");
    private static final byte[] APOS = ascii("&#39;");

    private final OutputStream out;
    /** Lent by the thread ({@link ThreadBuffers}) and given back by {@link #finish}. */
    private final byte[] buffer = ThreadBuffers.borrow();
    private int used;
    /** A high surrogate that ended the previous write, waiting for its low half; 0 when none. */
    private char pendingHigh;

    Utf8PageOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void writeContent(String value) {
        if (value.length() >= WHOLE_STRING && pendingHigh == 0) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (!endsWithHighSurrogate(value, bytes)) {
                writeBinaryContent(bytes);
                return;
            }
        }
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    codePoint(Character.toCodePoint(high, c));
                    continue;
                }
                put((byte) '?');
            }
            if (c < 0x80) {
                if (used == buffer.length) {
                    drain();
                }
                buffer[used++] = (byte) c;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < endIndex) {
                    char low = value.charAt(i + 1);
                    if (Character.isLowSurrogate(low)) {
                        codePoint(Character.toCodePoint(c, low));
                        i++;
                    } else {
                        put((byte) '?');
                    }
                } else {
                    pendingHigh = c; // its low half may come with the next write
                }
            } else if (Character.isLowSurrogate(c)) {
                put((byte) '?');
            } else {
                codePoint(c);
            }
        }
    }

    /**
     * Writes {@code value} escaped as jte's {@link Escape#htmlContent} (or {@link Escape#htmlAttribute}) would, in one
     * pass over its UTF-8 bytes: every character escaped is ASCII, and no byte of a longer UTF-8 sequence is, so the
     * bytes can be scanned instead of the characters. jte's escaping and then this class's encoding each read the
     * string a character at a time, which C1 compiles to a call and two bounds checks per character: 7% of a full
     * build's CPU samples, against the JDK's encoder (a copy for ASCII text) and one loop over an array.
     */
    void writeEscaped(String value, boolean attribute) {
        int length = value.length();
        if (length == 0) {
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8); // a lone surrogate becomes '?', as in writeContent
        if (pendingHigh != 0 || endsWithHighSurrogate(value, bytes)) {
            // A pair split between this write and another: the character-wise path joins it.
            if (attribute) {
                Escape.htmlAttribute(value, this);
            } else {
                Escape.htmlContent(value, this);
            }
            return;
        }
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b > '>' || b < '"') {
                continue; // letters, digits, most punctuation and every byte of a non-ASCII character
            }
            byte[] escaped = switch (b) {
                case '&' -> AMP;
                case '<' -> LT;
                case '>' -> attribute ? null : GT;
                case '"' -> attribute ? QUOT : null;
                case '\'' -> attribute ? APOS : null;
                default -> null;
            };
            if (escaped != null) {
                put(bytes, from, i);
                put(escaped, 0, escaped.length);
                from = i + 1;
            }
        }
        put(bytes, from, bytes.length);
    }

    /**
     * Whether {@code value}, encoded as {@code bytes}, ends with a high surrogate. Only a '?' can stand for one, so
     * the string is asked only then: a {@code charAt} per write was 1% of a full build's CPU samples under C1.
     */
    private static boolean endsWithHighSurrogate(String value, byte[] bytes) {
        return bytes[bytes.length - 1] == '?' && Character.isHighSurrogate(value.charAt(value.length() - 1));
    }

    /** Copies {@code bytes[from..to)}, already encoded, with no surrogate pending. */
    private void put(byte[] bytes, int from, int to) {
        int count = to - from;
        if (count > buffer.length - used) {
            drain();
            if (count > buffer.length) {
                try {
                    out.write(bytes, from, count);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, used, count);
        used += count;
    }

    @Override
    public void writeBinaryContent(byte[] bytes) {
        if (bytes.length == 0) {
            return; // nothing written: a high surrogate before it still waits for its low half
        }
        if (pendingHigh != 0) {
            pendingHigh = 0;
            put((byte) '?');
        }
        put(bytes, 0, bytes.length);
    }

    /** Writes what is buffered (and a lone high surrogate left at the end, as '?'); call once the template is done. */
    void finish() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            put((byte) '?');
        }
        drain();
        ThreadBuffers.giveBack(buffer);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A code point above 0x7F, as two to four bytes. */
    private void codePoint(int cp) {
        if (buffer.length - used < 4) {
            drain();
        }
        if (cp < 0x800) {
            buffer[used++] = (byte) (0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            buffer[used++] = (byte) (0xE0 | cp >> 12);
            buffer[used++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        } else {
            buffer[used++] = (byte) (0xF0 | cp >> 18);
            buffer[used++] = (byte) (0x80 | (cp >> 12 & 0x3F));
            buffer[used++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        }
        buffer[used++] = (byte) (0x80 | (cp & 0x3F));
    }

    private void put(byte b) {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = b;
    }

    private void drain() {
        try {
            out.write(buffer, 0, used);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        used = 0;
    }
}
