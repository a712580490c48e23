package dev.hindsight.export;

import java.io.IOException;
import java.io.Writer;

/**
 * iCalendar content lines as RFC 5545 (section 3.1) wants them: CRLF line ends, lines longer than 75
 * octets folded (CRLF and one space), and TEXT values escaped (section 3.3.11).
 */
final class ContentLines {
    /** The longest line RFC 5545 allows, in octets, not counting the CRLF. */
    static final int MAX_OCTETS = 75;
    private final StringBuilder text = new StringBuilder();

    /** One property, e.g. {@code line("DUE;VALUE=DATE", "20251012")}; the value must already be escaped. */
    ContentLines line(String nameAndParameters, String value) {
        text.append(fold(nameAndParameters + ":" + value));
        return this;
    }

    /**
     * A TEXT value: backslash, semicolon and comma escaped, every line break (CRLF, CR or LF) written as
     * {@code \n}; other control characters, which TEXT may not hold, are dropped (TAB is allowed).
     */
    static String text(String value) {
        String lines = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length() + 8);
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The line with its CRLF, folded so that no physical line exceeds 75 octets of UTF-8. Folds fall
     * between code points, never inside a multi-byte character (a client would otherwise see broken
     * characters on either side of the fold).
     */
    static String fold(String line) {
        if (fitsOneLine(line)) {
            return line + "\r\n"; // most lines: copying them code point by code point was most of the calendar's time
        }
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1; // the space that marks a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.append("\r\n").toString();
    }

    /** Whether {@code line} takes at most {@link #MAX_OCTETS} octets, counted as {@link #fold} counts them. */
    private static boolean fitsOneLine(String line) {
        if (line.length() > MAX_OCTETS) {
            return false; // at least one octet a character
        }
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            octets += utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return octets <= MAX_OCTETS;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        } else if (codePoint < 0x800) {
            return 2;
        } else if (codePoint < 0x10000) {
            return 3; // a lone surrogate is encoded as one '?', so 3 only overestimates
        }
        return 4;
    }

    /** Passes the lines so far on to {@code out} once there are enough of them. */
    void passOn(Writer out) throws IOException {
        TextStream.passOn(text, out);
    }

    /** Passes every line left on to {@code out}. */
    void finish(Writer out) throws IOException {
        TextStream.passOnAll(text, out);
    }
}
