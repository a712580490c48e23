package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Priority;
import dev.hindsight.model.ReportSource;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.RootCauseAnalysis;
import dev.hindsight.model.Term;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a finished draft and turns it into an {@link Incident}: required fields, id form, time order,
 * the title rule for generic headings, and the action items' defaults (id, owner, due date by term).
 */
final class IncidentAssembler {
    static final Pattern ID_FORM = Pattern.compile("[A-Za-z0-9._-]+");
    /**
     * Ids become folder names: one made only of dots ("." or "..") would name incidents/ itself or the
     * folder above it, and one longer than a file name may be would fail the whole site's write.
     */
    static final int MAX_ID_LENGTH = 100;
    private static final Set<String> GENERIC_HEADINGS = LabelledText.labels("故障复盘报告", "复盘报告", "事后复盘报告",
            "事后复盘", "Post-mortem report", "Postmortem report", "Post-mortem", "Postmortem", "Incident report",
            "Incident review");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]|\\.(?=\\s|$)");

    private IncidentAssembler() {
    }

    static Optional<Incident> assemble(ReportDraft draft, ReportSource source, Diagnostics diagnostics) {
        String id = id(draft, diagnostics);
        String title = title(draft, id, diagnostics);
        if (draft.severity == null && !draft.unreadable.contains("severity")) {
            missing(diagnostics, "severity", "add 'severity: P2' (P0 worst .. P4), or '- **故障等级**: P2' in 基本信息");
        }
        if (draft.started == null && !draft.unreadable.contains("started")) {
            missing(diagnostics, "started", "add 'started: 2025-10-05T18:00+08:00', or the 故障时间 line in 基本信息");
        }
        if (id == null || title == null || draft.severity == null || draft.started == null) {
            return Optional.empty();
        }
        checkTimeOrder(draft, diagnostics);
        List<ActionItem> actions = actions(draft, id, diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        List<String> services = draft.services != null ? draft.services
                : draft.scope != null ? List.of(draft.scope) : List.of();
        title = withoutDirectionControls("title", title, titleLine(draft), diagnostics);
        services = withoutDirectionControls("services", services, diagnostics);
        List<String> tags = withoutDirectionControls("tags", orEmpty(draft.tags), diagnostics);
        String owner = withoutDirectionControls("owner", draft.owner, 1, diagnostics);
        return Optional.of(new Incident(id, title, draft.severity.value(),
                draft.status != null ? draft.status.value() : defaultStatus(source.style()),
                new IncidentTimes(draft.started.value(), value(draft.detected), value(draft.mitigated),
                        value(draft.resolved)),
                services, tags, owner, orEmpty(draft.participants), draft.summary,
                new Impact(draft.scope, draft.users, draft.dataLoss, draft.availability, draft.sloBefore,
                        draft.sloAfter, draft.errorBudgetConsumed),
                new RootCauseAnalysis(draft.rootCause, draft.trigger, draft.directCause, orEmpty(draft.whys),
                        orEmpty(draft.contributingFactors)),
                orEmpty(draft.timeline), actions, draft.lessons, orEmpty(draft.links), draft.extra, source));
    }

    /**
     * Front matter has a status key, so leaving it out means "not finished yet". The seed template has
     * no such field: it is the full report of the seed's process (完整复盘报告), so a report written in it
     * is taken as final unless its 基本信息 says otherwise; otherwise every backlog report would count as
     * a late draft.
     */
    private static ReportStatus defaultStatus(ReportStyle style) {
        return style == ReportStyle.SEED_TEMPLATE ? ReportStatus.FINAL : ReportStatus.DRAFT;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T value(Located<T> located) {
        return located == null ? null : located.value();
    }

    private static void missing(Diagnostics diagnostics, String field, String hint) {
        diagnostics.report(DiagnosticCode.MISSING_FIELD, 1, 1, "the required field '" + field + "' is missing", hint);
    }

    private static String id(ReportDraft draft, Diagnostics diagnostics) {
        if (draft.id == null) {
            if (draft.unreadable.contains("id")) {
                return null;
            }
            missing(diagnostics, "id", "add 'id: INC-2025-10-05-001' to the front matter, or '- **故障ID**: …' in 基本信息");
            return null;
        }
        String id = draft.id.value();
        String problem = !ID_FORM.matcher(id).matches() ? "may only contain letters A-Z, digits, '.', '_' and '-'"
                : !Character.isLetterOrDigit(id.charAt(0)) ? "must start with a letter or a digit"
                : id.length() > MAX_ID_LENGTH ? "is " + id.length() + " characters long; at most " + MAX_ID_LENGTH
                + " are allowed" : null;
        if (problem != null) {
            String shown = id.length() > MAX_ID_LENGTH ? id.substring(0, id.offsetByCodePoints(0,
                    Math.min(MAX_ID_LENGTH, id.codePointCount(0, id.length())))) + "…" : id;
            diagnostics.report(DiagnosticCode.INVALID_ID, draft.id.line(), draft.id.column(),
                    "the id '" + shown + "' " + problem, "ids become file names and URLs; use e.g. INC-2025-10-05-001");
            return null;
        }
        return id;
    }

    /**
     * The text without the controls that turn the direction of what follows (HS128): titles, services,
     * tags and owners are shown inline among other text on many pages, where one left open would
     * reverse its neighbours.
     */
    private static String withoutDirectionControls(String field, String text, int line, Diagnostics diagnostics) {
        if (!DirectionControls.contains(text)) {
            return text;
        }
        diagnostics.report(DiagnosticCode.DIRECTION_CONTROLS_REMOVED, line, 1, "'" + field
                        + "' holds Unicode direction controls (U+202A-U+202E, U+2066-U+2069); they were removed",
                "delete them; if the text mixes right-to-left and left-to-right words, it displays correctly without them");
        return DirectionControls.removed(text);
    }

    private static List<String> withoutDirectionControls(String field, List<String> texts, Diagnostics diagnostics) {
        if (texts.stream().noneMatch(DirectionControls::contains)) {
            return texts;
        }
        withoutDirectionControls(field, String.join(", ", texts), 1, diagnostics);
        return texts.stream().map(DirectionControls::removed).toList();
    }

    private static int titleLine(ReportDraft draft) {
        return draft.title != null ? draft.title.line() : draft.heading != null ? draft.heading.line() : 1;
    }

    private static String title(ReportDraft draft, String id, Diagnostics diagnostics) {
        if (draft.title != null) {
            return draft.title.value();
        }
        if (draft.heading != null && !GENERIC_HEADINGS.contains(SectionHeadings.normalise(draft.heading.value()))) {
            return draft.heading.value();
        }
        if (draft.heading != null && id != null) {
            String made = draft.impactLine == null ? id : id + ": " + firstSentence(draft.impactLine);
            diagnostics.report(DiagnosticCode.GENERIC_TITLE, draft.heading.line(), 1,
                    "the heading '" + draft.heading.value() + "' is the template's, so the title became '" + made + "'",
                    "replace the first heading with a real title, e.g. '# OTLP Collector OOM after a batch_size change'");
            return made;
        }
        if (draft.unreadable.contains("title")) {
            return null;
        }
        missing(diagnostics, "title", "add 'title: …' to the front matter or start the body with '# Title'");
        return null;
    }

    static String firstSentence(String text) {
        var m = SENTENCE_END.matcher(text);
        return (m.find() ? text.substring(0, m.start()) : text).strip();
    }

    private record NamedTime(String name, Located<OffsetDateTime> time) {
    }

    /** Before 'started' is impossible (error); out of detect → mitigate → resolve order is suspicious. */
    private static void checkTimeOrder(ReportDraft draft, Diagnostics diagnostics) {
        OffsetDateTime started = draft.started.value();
        List<NamedTime> times = Stream.of(new NamedTime("detected", draft.detected),
                new NamedTime("mitigated", draft.mitigated), new NamedTime("resolved", draft.resolved))
                .filter(t -> t.time() != null).toList();
        NamedTime previous = null;
        for (NamedTime t : times) {
            Located<OffsetDateTime> time = t.time();
            if (time.value().isBefore(started)) {
                diagnostics.report(DiagnosticCode.TIME_BEFORE_START, time.line(), time.column(),
                        "'" + t.name() + "' (" + time.value() + ") is before 'started' (" + started + ")",
                        "check the date, the time and the UTC offset of both");
            } else if (previous != null && time.value().isBefore(previous.time().value())) {
                diagnostics.report(DiagnosticCode.TIMES_OUT_OF_ORDER, time.line(), time.column(),
                        "'" + t.name() + "' (" + time.value() + ") is before '" + previous.name() + "' ("
                                + previous.time().value() + ")",
                        "an incident is detected, then mitigated, then resolved; check the times");
            }
            previous = t;
        }
    }

    private static List<ActionItem> actions(ReportDraft draft, String incidentId, Diagnostics diagnostics) {
        List<ActionItem> items = new ArrayList<>();
        if (draft.actions == null) {
            return items;
        }
        LocalDate incidentDate = draft.started.value().toLocalDate();
        Set<String> explicitIds = new HashSet<>();
        draft.actions.stream().map(ActionDraft::id).filter(java.util.Objects::nonNull).forEach(explicitIds::add);
        Set<String> ids = new HashSet<>();
        int number = 0;
        for (ActionDraft a : draft.actions) {
            number++;
            String id = a.id() != null ? a.id() : defaultId(number, explicitIds, ids);
            if (!ids.add(id)) {
                diagnostics.report(DiagnosticCode.DUPLICATE_ACTION_ID, a.line(), a.column(),
                        "the action id '" + id + "' is used twice in this report", "give each action item its own id");
                continue;
            }
            String owner = a.owner() != null ? a.owner() : draft.owner;
            if (owner == null) {
                diagnostics.report(DiagnosticCode.ACTION_WITHOUT_OWNER, a.line(), a.column(),
                        "action " + id + " has no owner and the report names none",
                        "add '@name' to the item, 'owner:' to the action, or an owner to the report");
            }
            LocalDate due = a.due() != null ? a.due() : defaultDue(a.term(), incidentDate);
            if (due.isBefore(incidentDate)) {
                diagnostics.report(DiagnosticCode.DUE_BEFORE_INCIDENT, a.line(), a.column(),
                        "action " + id + " is due " + due + ", before the incident started (" + incidentDate + ")",
                        "check the due date");
            }
            ActionStatus status = a.status() != null ? a.status() : ActionStatus.NOT_STARTED;
            if (status == ActionStatus.COMPLETED && a.completed() == null) {
                diagnostics.report(DiagnosticCode.COMPLETED_WITHOUT_DATE, a.line(), a.column(),
                        "action " + id + " is completed but has no completion date",
                        "add 'completed: YYYY-MM-DD' (front matter) or "
                                + "'done:YYYY-MM-DD' (checklist) so completion can be tracked over time");
            } else if (status != ActionStatus.COMPLETED && a.completed() != null) {
                diagnostics.report(DiagnosticCode.COMPLETION_DATE_ON_OPEN_ITEM, a.line(), a.column(),
                        "action " + id + " has a completion date but its status is " + status.label(),
                        "set its status to completed, or remove the completion date");
            }
            items.add(new ActionItem(incidentId, id, a.description(),
                    a.priority() != null ? a.priority() : Priority.MEDIUM, owner, due, status,
                    status == ActionStatus.COMPLETED ? a.completed() : null, a.term(), a.link(),
                    a.due() != null || a.term() != null,
                    a.line()));
        }
        return items;
    }

    /** A{position}, or the next free A{n} when an explicit id of another item already has that name. */
    private static String defaultId(int position, Set<String> explicitIds, Set<String> taken) {
        int n = position;
        while (explicitIds.contains("A" + n) || taken.contains("A" + n)) {
            n++;
        }
        return "A" + n;
    }

    /** The seed's timeline: immediate on the day, short-term within a week, long-term within a month. */
    static LocalDate defaultDue(Term term, LocalDate incidentDate) {
        if (term == null) {
            return incidentDate.plusWeeks(1); // "action items within 1 week"
        }
        return switch (term) {
            case IMMEDIATE -> incidentDate;
            case SHORT -> incidentDate.plusWeeks(1);
            case LONG -> incidentDate.plusMonths(1);
        };
    }
}
