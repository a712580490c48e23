package dev.hindsight.kb;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;

import java.time.LocalDate;

/**
 * An action item as the tracker sees it on the as-of date.
 *
 * @param item        the item
 * @param incident    the incident it belongs to
 * @param overdue     open and due before the as-of date (the seed's rule)
 * @param daysLate    days past due when overdue, else 0
 * @param ageDays     days since the incident started, as of the as-of date, for open items; else 0
 * @param completedOn the completion date: the recorded one, or the as-of date for a completed item
 *                    without one (the seed records "today" on completion); {@code null} when not completed
 */
public record TrackedItem(ActionItem item, Incident incident, boolean overdue, long daysLate, long ageDays,
                          LocalDate completedOn) {
}
