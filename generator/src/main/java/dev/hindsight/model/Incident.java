package dev.hindsight.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One post-mortem report, as loaded from either report form. Immutable.
 *
 * @param id           unique in the knowledge base (case-insensitively), {@code [A-Za-z0-9._-]+}
 * @param title        the report's title
 * @param severity     P0–P4
 * @param status       the report's own status (draft, review, final)
 * @param times        started, detected, mitigated, resolved
 * @param services     affected services, in the report's order
 * @param tags         free tags, in the report's order
 * @param owner        the report owner, {@code null} when not named
 * @param participants the other people involved
 * @param summary      a short summary, {@code null} when the report has none
 * @param impact       what it cost
 * @param analysis     root cause, trigger, 5 whys, contributing factors
 * @param timeline     the timeline table's rows in order
 * @param actions      the action items in order
 * @param lessons      what went well and what to improve
 * @param links        references
 * @param extra        front-matter keys Hindsight does not know, in file order, for custom templates;
 *                     values are String, Long, Double, Boolean, List or Map
 * @param source       the file and its Markdown body
 */
public record Incident(String id, String title, Severity severity, ReportStatus status, IncidentTimes times,
                       List<String> services, List<String> tags, String owner, List<String> participants,
                       String summary, Impact impact, RootCauseAnalysis analysis, List<TimelineEntry> timeline,
                       List<ActionItem> actions, List<Lesson> lessons, List<Link> links, Map<String, Object> extra,
                       ReportSource source) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(source, "source");
        services = List.copyOf(services);
        tags = List.copyOf(tags);
        participants = List.copyOf(participants);
        timeline = List.copyOf(timeline);
        actions = List.copyOf(actions);
        lessons = List.copyOf(lessons);
        links = List.copyOf(links);
        // Map.copyOf would lose the file's key order, which custom templates show as written.
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * This incident with another source (path, style, Markdown body, outline) and every parsed field as it is.
     */
    public Incident withSource(ReportSource other) {
        return new Incident(id, title, severity, status, times, services, tags, owner, participants, summary, impact,
                analysis, timeline, actions, lessons, links, extra, other);
    }

    /** The lessons of one kind, in order. */
    public List<Lesson> lessons(LessonKind kind) {
        return lessons.stream().filter(l -> l.kind() == kind).toList();
    }
}
