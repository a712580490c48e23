package dev.hindsight.diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one unit of work (a report, a cross-report check). Not thread-safe:
 * parallel work uses one collector per task and merges the lists in a stable order.
 */
public final class Diagnostics {
    private final String path;
    private final List<Diagnostic> found = new ArrayList<>();

    /** A collector for findings about {@code path} (relative to the source directory). */
    public Diagnostics(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Records a finding at the code's default level. */
    public void report(DiagnosticCode code, int line, int column, String message, String hint) {
        found.add(new Diagnostic(path, line, column, code.defaultLevel(), code, message, hint));
    }

    /** Records a finding without a hint. */
    public void report(DiagnosticCode code, int line, int column, String message) {
        report(code, line, column, message, null);
    }

    /** Records a finding made elsewhere (e.g. about another file). */
    public void add(Diagnostic diagnostic) {
        found.add(diagnostic);
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    /** What was found, in the order it was found. */
    public List<Diagnostic> list() {
        return List.copyOf(found);
    }
}
