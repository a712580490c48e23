package dev.hindsight.site;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A file written beside the pages by another output (exports such as {@code actions.csv}): the site
 * writes it into the same atomic output, so pages and exports always match. Large files are streamed into
 * the site as they are produced rather than held as bytes.
 *
 * @param sitePath where in the site, '/'-separated, e.g. {@code actions.csv}
 * @param content  writes the file's bytes
 */
public record ExtraFile(String sitePath, Content content) {
    public ExtraFile {
        Objects.requireNonNull(sitePath, "sitePath");
        Objects.requireNonNull(content, "content");
    }

    /** A file whose bytes are already known. */
    public ExtraFile(String sitePath, byte[] bytes) {
        this(sitePath, new Bytes(bytes));
    }

    /** Produces a file's bytes into a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Bytes already in memory: small files, and those a digest is taken of. */
    public record Bytes(byte[] bytes) implements Content {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }
}
