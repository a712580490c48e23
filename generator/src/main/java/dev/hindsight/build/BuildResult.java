package dev.hindsight.build;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.LoadResult;
import dev.hindsight.site.SiteResult;

import java.util.ArrayList;
import java.util.List;

/** What a build did: the loaded reports and the written site, with every diagnostic of both. */
public record BuildResult(LoadResult load, SiteResult site) {

    /** Every finding, loading first then rendering, each in file order. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(load.diagnostics());
        all.addAll(site.diagnostics());
        all.sort(Diagnostic.IN_FILE_ORDER);
        return all;
    }

    public boolean hasErrors() {
        return diagnostics().stream().anyMatch(Diagnostic::isError);
    }
}
