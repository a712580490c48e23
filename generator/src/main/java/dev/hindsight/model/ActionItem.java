package dev.hindsight.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An improvement promised after an incident.
 *
 * @param incidentId  the incident it belongs to
 * @param id          unique within the incident, e.g. {@code A1}
 * @param description what will be done, as plain text
 * @param priority    how urgent
 * @param owner       who is responsible (the report owner when the item names nobody; {@code null} if
 *                    neither does)
 * @param due         when it is due
 * @param status      where it stands
 * @param completed   when it was completed, {@code null} when not completed or not recorded
 * @param term        immediate, short or long term; {@code null} when the report does not say
 * @param link        the tracker ticket URL, {@code null} when none
 * @param dueStated   whether the report set the due date, as a date or through the item's term ({@code false}:
 *                    the report says nothing, and the one-week default applies)
 * @param line        the item's line in the report file, for diagnostics about it
 */
public record ActionItem(String incidentId, String id, String description, Priority priority, String owner,
                         LocalDate due, ActionStatus status, LocalDate completed, Term term, String link,
                         boolean dueStated, int line) {
    public ActionItem {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(status, "status");
    }

    /** The id that is unique in the whole knowledge base, e.g. {@code INC-2025-10-05-001/A2}. */
    public String qualifiedId() {
        return incidentId + "/" + id;
    }

    /** Whether the item is finished, one way or the other (completed or cancelled). */
    public boolean isClosed() {
        return status == ActionStatus.COMPLETED || status == ActionStatus.CANCELLED;
    }

    /** The seed tracker's rule: still open and due strictly before the as-of date (due today is not late). */
    public boolean isOverdue(LocalDate asOf) {
        return !isClosed() && due.isBefore(asOf);
    }
}
