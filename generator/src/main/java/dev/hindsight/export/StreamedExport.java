package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An export large enough that the build streams it ({@link #write}); its bytes at once, for the command line and
 * the tests, are what it streams into memory. The exports of every incident or action item are tens of MB for
 * 10,000 reports.
 */
interface StreamedExport extends Export {
    @Override
    void write(KnowledgeBase kb, ExportContext context, OutputStream out) throws IOException;

    @Override
    default byte[] render(KnowledgeBase kb, ExportContext context) {
        return bytes(out -> write(kb, context, out));
    }

    /** Writes a file's bytes into a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What {@code content} writes, as bytes. */
    static byte[] bytes(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }
}
