package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One machine-readable file written beside the site's pages ({@code actions.csv}, {@code actions.ics}, …).
 * An export is a pure function of the knowledge base (which carries the as-of date) and the context: no
 * clock, no randomness, no map iteration order, so two builds of the same reports are byte-identical.
 * Adding an export is one class implementing this and one line in {@link Exports#all()}.
 */
public interface Export {
    /** Where the file goes, relative to the site root, e.g. {@code actions.csv}. */
    String fileName();

    /** The file's complete content. */
    byte[] render(KnowledgeBase kb, ExportContext context);

    /**
     * The same content streamed into {@code out}; the build writes exports this way, straight into the site.
     * Exports that can be large are {@link StreamedExport}s, never held in memory as a whole.
     */
    default void write(KnowledgeBase kb, ExportContext context, OutputStream out) throws IOException {
        out.write(render(kb, context));
    }
}
