package dev.hindsight.site;

import java.util.Objects;

/**
 * A file written beside the pages by another output (exports such as {@code actions.csv}): the site
 * writes it into the same atomic output, so pages and exports always match.
 *
 * @param sitePath where in the site, '/'-separated, e.g. {@code actions.csv}
 * @param content  its bytes
 */
public record ExtraFile(String sitePath, byte[] content) {
    public ExtraFile {
        Objects.requireNonNull(sitePath, "sitePath");
        Objects.requireNonNull(content, "content");
    }
}
