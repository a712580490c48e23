package dev.hindsight.check;

import dev.hindsight.diagnostic.DiagnosticCode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The process policies the seed's timeline implies (first review in 24 h, full report in 3 days,
 * action items in a week, tracking until done), each with its own configurable level. Two of them
 * govern findings the loader already makes (completed without date, action without owner).
 */
public enum Policy {
    /** A report still {@code draft} more than 3 days after the incident started. */
    LATE_DRAFT("late-draft", DiagnosticCode.LATE_DRAFT),
    /** An incident older than 7 days with no action item. */
    NO_ACTION_ITEMS("no-action-items", DiagnosticCode.NO_ACTION_ITEMS),
    /** An overdue item of medium or low priority. */
    OVERDUE("overdue", DiagnosticCode.OVERDUE_ACTION),
    /** An overdue item of critical or high priority: separate, so it alone can be made an error. */
    OVERDUE_URGENT("overdue-urgent", DiagnosticCode.OVERDUE_URGENT_ACTION),
    /** A P0 or P1 report that states no root cause. */
    MAJOR_WITHOUT_ROOT_CAUSE("major-without-root-cause", DiagnosticCode.MAJOR_WITHOUT_ROOT_CAUSE),
    /** A P0 or P1 report without a timeline. */
    MAJOR_WITHOUT_TIMELINE("major-without-timeline", DiagnosticCode.MAJOR_WITHOUT_TIMELINE),
    /** A completed item without a completion date (found by the loader, HS140). */
    COMPLETED_WITHOUT_DATE("completed-without-date", DiagnosticCode.COMPLETED_WITHOUT_DATE),
    /** An item without owner when the report names none either (found by the loader, HS144). */
    ACTION_WITHOUT_OWNER("action-without-owner", DiagnosticCode.ACTION_WITHOUT_OWNER),
    /** An item with neither a due date nor a term, so only the one-week default applies. */
    ACTION_WITHOUT_DUE_DATE("action-without-due-date", DiagnosticCode.ACTION_WITHOUT_DUE_DATE);

    private final String key;
    private final DiagnosticCode code;

    Policy(String key, DiagnosticCode code) {
        this.key = key;
        this.code = code;
    }

    /** The name used in settings, e.g. {@code overdue-urgent}. */
    public String key() {
        return key;
    }

    public DiagnosticCode code() {
        return code;
    }

    public static Optional<Policy> byKey(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.equals(wanted)).findFirst();
    }

    public static Optional<Policy> byCode(DiagnosticCode code) {
        return Arrays.stream(values()).filter(p -> p.code == code).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Policy::key).toList();
    }
}
