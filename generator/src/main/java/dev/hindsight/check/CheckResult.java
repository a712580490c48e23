package dev.hindsight.check;

import dev.hindsight.load.LoadResult;

import java.time.LocalDate;

/**
 * A checked knowledge base.
 *
 * @param load         the loaded reports and every diagnostic
 * @param asOf         the date overdue items are counted on
 * @param actionItems  action items of the loaded reports
 * @param overdueItems of which overdue on {@code asOf}
 */
public record CheckResult(LoadResult load, LocalDate asOf, int actionItems, int overdueItems) {

    public boolean failed() {
        return load.hasErrors();
    }

    /** One line for people: "22 report files, 21 loaded, 1 error, 3 warnings; 124 action items, 26 overdue on 2026-11-25". */
    public String summary() {
        return load.reportFiles() + plural(" report file", load.reportFiles()) + ", "
                + load.incidents().size() + " loaded, "
                + load.errorCount() + plural(" error", load.errorCount()) + ", "
                + load.warningCount() + plural(" warning", load.warningCount()) + "; "
                + actionItems + plural(" action item", actionItems) + ", " + overdueItems + " overdue on " + asOf;
    }

    private static String plural(String word, long count) {
        return count == 1 ? word : word + "s";
    }
}
