package dev.hindsight.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of the timeline table.
 *
 * @param time  when; {@code HH:MM} rows take the incident's date (and the next day after midnight)
 * @param event what happened, as plain text
 * @param actor who or what acted, {@code null} when the table has no such column or cell
 */
public record TimelineEntry(OffsetDateTime time, String event, String actor) {
    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
    }
}
