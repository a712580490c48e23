package dev.hindsight.check;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Level;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Priority;
import dev.hindsight.model.ReportStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the process policies to a knowledge base: finds what each policy flags, at the report's
 * path and line (the item's own line for item findings), and sets each finding's level from the
 * settings. Loader findings that a policy governs are re-levelled (or dropped when it is off).
 */
final class PolicyCheck {
    /** The seed's timeline: the full report within 3 days, action items within 1 week. */
    static final int FULL_REPORT_DAYS = 3;
    static final int ACTION_ITEMS_DAYS = 7;

    private final PolicySettings settings;

    PolicyCheck(PolicySettings settings) {
        this.settings = settings;
    }

    List<Diagnostic> apply(List<Diagnostic> loaderFindings, KnowledgeBase kb) {
        List<Diagnostic> findings = new ArrayList<>();
        for (Diagnostic d : loaderFindings) {
            Optional<Policy> policy = Policy.byCode(d.code());
            if (policy.isEmpty() || d.isError()) {
                findings.add(d);
            } else {
                relevel(d, policy.get()).ifPresent(findings::add);
            }
        }
        LocalDate asOf = kb.asOf();
        for (Incident incident : kb.incidents()) {
            String path = incident.source().path();
            LocalDate started = incident.times().started().toLocalDate();
            if (incident.status() == ReportStatus.DRAFT && asOf.isAfter(started.plusDays(FULL_REPORT_DAYS))) {
                add(findings, Policy.LATE_DRAFT, path, 1, "the report is still a draft "
                        + (asOf.toEpochDay() - started.toEpochDay()) + " days after the incident (the full report "
                        + "is due within " + FULL_REPORT_DAYS + " days)", "finish the report and set 'status: final'");
            }
            if (incident.actions().isEmpty() && asOf.isAfter(started.plusDays(ACTION_ITEMS_DAYS))) {
                add(findings, Policy.NO_ACTION_ITEMS, path, 1, "the incident is "
                        + (asOf.toEpochDay() - started.toEpochDay()) + " days old and has no action items (they are "
                        + "due within " + ACTION_ITEMS_DAYS + " days)", "add the agreed improvements as action items");
            }
            boolean major = incident.severity().level() <= 1;
            String rootCause = incident.analysis().rootCause();
            if (major && (rootCause == null || rootCause.isBlank())) {
                add(findings, Policy.MAJOR_WITHOUT_ROOT_CAUSE, path, 1, "a " + incident.severity()
                        + " report states no root cause", "add 'root_cause:' or a 5 Whys section");
            }
            if (major && incident.timeline().isEmpty()) {
                add(findings, Policy.MAJOR_WITHOUT_TIMELINE, path, 1, "a " + incident.severity()
                        + " report has no timeline", "add a timeline table (time | event | who)");
            }
            for (ActionItem item : incident.actions()) {
                if (!item.dueStated()) {
                    add(findings, Policy.ACTION_WITHOUT_DUE_DATE, path, item.line(), "action " + item.id()
                            + " has neither a due date nor a term; it is taken as due " + item.due(),
                            "add 'due:' (or 'due:YYYY-MM-DD' in a checklist), or put it under a term heading");
                }
            }
        }
        for (TrackedItem t : kb.tracker().overdue()) {
            ActionItem item = t.item();
            boolean urgent = item.priority() == Priority.CRITICAL || item.priority() == Priority.HIGH;
            add(findings, urgent ? Policy.OVERDUE_URGENT : Policy.OVERDUE, t.incident().source().path(), item.line(),
                    "action " + item.qualifiedId() + " (" + item.priority().label() + ", owner "
                            + (item.owner() == null ? "unassigned" : item.owner()) + ") is overdue by " + t.daysLate()
                            + " days (due " + item.due() + ")",
                    "finish it, or agree a new due date and write it down");
        }
        findings.sort(Diagnostic.IN_FILE_ORDER);
        return findings;
    }

    private void add(List<Diagnostic> findings, Policy policy, String path, int line, String message, String hint) {
        Diagnostic d = new Diagnostic(path, line, 1, Level.WARNING, policy.code(), message, hint);
        relevel(d, policy).ifPresent(findings::add);
    }

    private Optional<Diagnostic> relevel(Diagnostic d, Policy policy) {
        return switch (settings.level(policy)) {
            case OFF -> Optional.empty();
            case WARNING -> Optional.of(withLevel(d, Level.WARNING));
            case ERROR -> Optional.of(withLevel(d, Level.ERROR));
        };
    }

    private static Diagnostic withLevel(Diagnostic d, Level level) {
        return new Diagnostic(d.path(), d.line(), d.column(), level, d.code(), d.message(), d.hint());
    }

}
