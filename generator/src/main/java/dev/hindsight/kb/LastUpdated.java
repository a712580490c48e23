package dev.hindsight.kb;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * When an incident's report last changed in a way a reader would care about, derived from the report
 * alone: the latest of its started, detected, mitigated and resolved times, its action items' recorded
 * completion dates and an optional {@code updated} front-matter key. Never the clock or a file's
 * modification time, so feeds and sitemaps stay byte-identical between builds of the same reports.
 * <p>
 * Dates (a completion date, an {@code updated} date, a date-time without offset) count in the offset of
 * the incident's start, the report's own time zone; the result is expressed in that offset too.
 */
public final class LastUpdated {
    /** The front-matter key authors set when they revise a report; kept in {@link Incident#extra()}. */
    public static final String FRONT_MATTER_KEY = "updated";

    /** {@code 2026-11-20}, {@code 2026-11-20T10:00}, with seconds, a fraction, an offset ({@code Z}, {@code +08:00}). */
    private static final DateTimeFormatter UPDATED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private LastUpdated() {
    }

    /** The latest moment the report records, in the offset of the incident's start. */
    public static OffsetDateTime of(Incident incident) {
        IncidentTimes times = incident.times();
        ZoneOffset offset = times.started().getOffset();
        OffsetDateTime latest = times.started();
        latest = later(latest, times.detected());
        latest = later(latest, times.mitigated());
        latest = later(latest, times.resolved());
        for (ActionItem item : incident.actions()) {
            if (item.completed() != null) {
                latest = later(latest, item.completed().atStartOfDay().atOffset(offset));
            }
        }
        latest = later(latest, updatedKey(incident, offset).orElse(null));
        return latest.withOffsetSameInstant(offset);
    }

    /**
     * The {@code updated} front-matter value as a moment, when it is a date or date-time; anything else
     * (a number, a list, a typo) is ignored rather than guessed at.
     */
    static Optional<OffsetDateTime> updatedKey(Incident incident, ZoneOffset offset) {
        if (!(incident.extra().get(FRONT_MATTER_KEY) instanceof String text)) {
            return Optional.empty();
        }
        String value = text.strip();
        // YAML authors separate date and time with a space as often as with 'T'.
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11).strip();
        }
        try {
            TemporalAccessor parsed = UPDATED.parseBest(value, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            if (parsed instanceof OffsetDateTime moment) {
                return Optional.of(moment);
            }
            if (parsed instanceof LocalDateTime local) {
                return Optional.of(local.atOffset(offset));
            }
            return Optional.of(((LocalDate) parsed).atStartOfDay().atOffset(offset));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The later of two moments; on the same instant the one already held, so the result never depends on order. */
    private static OffsetDateTime later(OffsetDateTime held, OffsetDateTime candidate) {
        return candidate != null && candidate.isAfter(held) ? candidate : held;
    }
}
