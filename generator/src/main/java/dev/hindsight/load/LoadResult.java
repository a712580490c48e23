package dev.hindsight.load;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.model.Incident;

import java.util.List;

/**
 * What loading a source directory gave.
 *
 * @param incidents   the reports without errors, in path order
 * @param diagnostics every finding, in file then line order
 * @param reportFiles how many report files were found (loaded or not)
 * @param reportBytes the bytes of those files together
 */
public record LoadResult(List<Incident> incidents, List<Diagnostic> diagnostics, int reportFiles, long reportBytes) {
    public LoadResult {
        incidents = List.copyOf(incidents);
        diagnostics = List.copyOf(diagnostics);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /**
     * False when the source directory as a whole was refused (over the total size limit): then no report
     * was read, and a build must not replace the previous site with an empty one.
     */
    public boolean complete() {
        return diagnostics.stream().noneMatch(d -> d.code() == DiagnosticCode.SOURCE_TOO_LARGE);
    }
}
