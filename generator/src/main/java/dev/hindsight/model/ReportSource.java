package dev.hindsight.model;

import java.util.List;
import java.util.Objects;

/**
 * Where an incident came from and its Markdown body, kept for rendering and search.
 *
 * @param path     the file, relative to the source directory, with '/' separators
 * @param style    front matter or seed template
 * @param body     the body (without front matter), BOM removed and line endings normalised to '\n'
 * @param bodyLine the line of the file where the body starts (1-based)
 * @param outline  the body's headings in order
 */
public record ReportSource(String path, ReportStyle style, DeflatedText body, int bodyLine, List<Section> outline) {
    public ReportSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(body, "body");
        outline = List.copyOf(outline);
    }

    public ReportSource(String path, ReportStyle style, String markdown, int bodyLine, List<Section> outline) {
        this(path, style, DeflatedText.of(markdown), bodyLine, outline);
    }

    /** The body's text, inflated on each call: a caller that needs it twice keeps it. */
    public String markdown() {
        return body.text();
    }
}
