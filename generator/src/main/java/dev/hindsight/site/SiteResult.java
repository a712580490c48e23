package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;

import java.util.List;

/**
 * What rendering gave.
 *
 * @param written     whether the new site replaced the output directory
 * @param pages       HTML pages written
 * @param diagnostics findings made while rendering (links, templates, output), in file order
 */
public record SiteResult(boolean written, int pages, List<Diagnostic> diagnostics) {
    public SiteResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
