package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;

import java.util.List;

/**
 * What rendering gave.
 *
 * @param written     whether the new site replaced the output directory
 * @param pages       HTML pages rendered (a rebuild renders only those that changed)
 * @param diagnostics findings made while rendering (links, templates, output), in file order
 * @param rendered    what the site now holds, for a rebuild that renders only what changes; {@code null} when
 *                    nothing was written
 */
public record SiteResult(boolean written, int pages, List<Diagnostic> diagnostics, RenderedSite rendered) {
    public SiteResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A site that was not written. */
    public SiteResult(boolean written, int pages, List<Diagnostic> diagnostics) {
        this(written, pages, diagnostics, null);
    }
}
