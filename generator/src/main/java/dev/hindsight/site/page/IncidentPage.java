package dev.hindsight.site.page;

import dev.hindsight.model.WhyStep;

import java.util.List;

/**
 * One incident, display-ready.
 *
 * @param layout       the frame
 * @param id           the incident id
 * @param title        the title
 * @param badges       severity and report status
 * @param summary      the summary, {@code null} when none
 * @param facts        owner, people, services, tags, times with TTD/TTM/TTR
 * @param impact       impact figures
 * @param analysis     root cause, trigger, direct cause
 * @param factors      contributing factors
 * @param timeline     the timeline rows
 * @param whys         the 5 Whys chain
 * @param actions      the action items
 * @param completion   "3 of 9 completed (33.3%)", {@code null} without items
 * @param completionPercent 0–100 for a meter
 * @param wentWell     lessons: what went well
 * @param toImprove    lessons: what to improve
 * @param toc          the body's headings
 * @param body         the rendered body (escaped and sanitised by the renderer)
 * @param references   links from the front matter or references section
 * @param previous     the incident before, {@code null} for the first
 * @param next         the incident after, {@code null} for the last
 * @param editHref     where to edit the source, {@code null} when not configured
 * @param related      the most similar incidents, with why
 */
public record IncidentPage(Layout layout, String id, String title, List<Badge> badges, String summary,
                           List<Fact> facts, List<Fact> impact, List<Fact> analysis, List<String> factors,
                           List<TimelineRow> timeline, List<WhyStep> whys, List<ActionRow> actions,
                           String completion, int completionPercent, List<String> wentWell, List<String> toImprove,
                           List<TocEntry> toc, BodyHtml body, List<LinkView> references, LinkView previous,
                           LinkView next, String editHref, List<Related> related) {
    public IncidentPage {
        related = List.copyOf(related);
        badges = List.copyOf(badges);
        facts = List.copyOf(facts);
        impact = List.copyOf(impact);
        analysis = List.copyOf(analysis);
        factors = List.copyOf(factors);
        timeline = List.copyOf(timeline);
        whys = List.copyOf(whys);
        actions = List.copyOf(actions);
        wentWell = List.copyOf(wentWell);
        toImprove = List.copyOf(toImprove);
        toc = List.copyOf(toc);
        references = List.copyOf(references);
    }

    /** The rendered body as a string, for templates written when it was one (the built-in one writes {@link #body}). */
    public String bodyHtml() {
        return body.text();
    }

    /**
     * A similar incident: its link, what it is called there ({@code label}: "INC-…: title", the id only once when
     * the title starts with it) and what the two share ("service: kafka · tag: oom").
     */
    public record Related(String id, String title, String label, String href, Badge severity, String reasons) {
    }

    /** A timeline row: time as shown and as ISO, the event, who (may be {@code null}). */
    public record TimelineRow(String time, String datetime, String event, String actor) {
    }

    /**
     * An action item row.
     *
     * @param anchor  the row's id, which the action-tracking pages link to, e.g. {@code action-A3}
     * @param overdue "overdue · 44 d", {@code null} when not overdue
     * @param link    the tracker link (sanitised), {@code null} when none
     */
    public record ActionRow(String id, String anchor, String description, Badge status, String statusValue, Badge priority,
                            String owner, String due, String dueIso, String overdue, String link) {
    }

    /** A heading of the body and the headings under it. */
    public record TocEntry(String title, String anchor, List<TocEntry> children) {
        public TocEntry {
            children = List.copyOf(children);
        }
    }
}
