package dev.hindsight.check;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.LoadResult;

import java.time.LocalDate;
import java.util.List;

/**
 * A checked knowledge base.
 *
 * @param load         the loaded reports
 * @param diagnostics  the loader's findings and the policies' findings, each at its configured level, in
 *                     file order
 * @param asOf         the date overdue items are counted on
 * @param actionItems  action items of the loaded reports
 * @param overdueItems of which overdue on {@code asOf}
 */
public record CheckResult(LoadResult load, List<Diagnostic> diagnostics, LocalDate asOf, int actionItems,
                          int overdueItems) {
    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    public boolean failed() {
        return errorCount() > 0;
    }

    /** One line for people: "22 report files, 22 loaded, 0 errors, 4 warnings; 124 action items, 26 overdue on 2026-11-25". */
    public String summary() {
        return load.reportFiles() + plural(" report file", load.reportFiles()) + ", "
                + load.incidents().size() + " loaded, "
                + errorCount() + plural(" error", errorCount()) + ", "
                + warningCount() + plural(" warning", warningCount()) + "; "
                + actionItems + plural(" action item", actionItems) + ", " + overdueItems + " overdue on " + asOf;
    }

    private static String plural(String word, long count) {
        return count == 1 ? word : word + "s";
    }
}
