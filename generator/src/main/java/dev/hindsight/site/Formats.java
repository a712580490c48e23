package dev.hindsight.site;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates, times and durations as the site's language writes them. Incident times are shown in the
 * incident's own UTC offset (what the team lived through), with the offset spelled out.
 */
public final class Formats {
    private final Messages messages;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
    private final Map<LocalDate, String> dates = new ConcurrentHashMap<>();

    public Formats(Messages messages) {
        this.messages = messages;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
    }

    public String date(LocalDate value) {
        // The action pages show a due and a completion date on each of ~160,000 rows (10,000 reports), with a few
        // thousand distinct dates: formatting each was 1% of a build's allocation.
        return value == null ? "" : dates.computeIfAbsent(value, date::format);
    }

    public String date(OffsetDateTime value) {
        return value == null ? "" : date.format(value);
    }

    /** "Oct 5, 2025 18:00 (UTC+08:00)". */
    public String dateTime(OffsetDateTime value) {
        if (value == null) {
            return "";
        }
        return date.format(value) + " " + time.format(value) + " (UTC" + offset(value) + ")";
    }

    /** "18:00", or with the date when it is not {@code sameDayAs}'s date. */
    public String clock(OffsetDateTime value, OffsetDateTime sameDayAs) {
        return value.toLocalDate().equals(sameDayAs.toLocalDate()) ? time.format(value)
                : date.format(value) + " " + time.format(value);
    }

    /** ISO-8601 for {@code datetime} and {@code data-value} attributes. */
    public static String iso(TemporalAccessor value) {
        return value == null ? "" : DateTimeFormatter.ISO_DATE_TIME.format(value);
    }

    public static String isoDate(LocalDate value) {
        return value == null ? "" : value.toString();
    }

    /** "1 h 30 min", "45 min", "2 d 3 h"; empty for null. */
    public String duration(Duration value) {
        if (value == null) {
            return "";
        }
        long minutes = value.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return messages.format("duration.days", days, hours);
        }
        if (hours > 0) {
            return messages.format("duration.hours", hours, rest);
        }
        return messages.format("duration.minutes", rest);
    }

    private static String offset(OffsetDateTime value) {
        String id = value.getOffset().getId();
        return id.equals("Z") ? "+00:00" : id;
    }
}
