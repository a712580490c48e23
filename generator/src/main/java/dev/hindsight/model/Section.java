package dev.hindsight.model;

import java.util.Objects;

/**
 * A heading of the report body, for tables of contents and deep links.
 *
 * @param level  1 to 6
 * @param title  the heading's plain text
 * @param anchor the stable fragment id the rendered heading gets
 * @param role   the known section it opens, or {@code null} for a heading of the author's own
 * @param line   its line in the source file
 */
public record Section(int level, String title, String anchor, SectionRole role, int line) {
    public Section {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(anchor, "anchor");
    }
}
