package dev.hindsight.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Text an export builds record by record in a StringBuilder and passes on in pieces: the actions CSV, the calendar
 * and the feed of 50,000 reports are 40-90 MB each, and built whole as a string (two bytes a Chinese character), then
 * as bytes, they took a few hundred MB at once while the pages were being written.
 */
final class TextStream {
    /** How much text waits before it is passed on. */
    private static final int PIECE = 64 * 1024;

    /** Writes what {@code text} may hold into {@code out} as UTF-8. */
    @FunctionalInterface
    interface Text {
        void writeTo(Writer out) throws IOException;
    }

    private TextStream() {
    }

    /** Passes {@code text} on to {@code out} and empties it once it holds a piece's worth. */
    static void passOn(StringBuilder text, Writer out) throws IOException {
        if (text.length() >= PIECE) {
            passOnAll(text, out);
        }
    }

    /** Passes all of {@code text} on to {@code out} and empties it. */
    static void passOnAll(StringBuilder text, Writer out) throws IOException {
        out.append(text);
        text.setLength(0);
    }

    /** Streams {@code text} into {@code out} as UTF-8. */
    static void write(Text text, OutputStream out) throws IOException {
        Writer writer = new Utf8Writer(out);
        text.writeTo(writer);
        writer.close();
    }
}
