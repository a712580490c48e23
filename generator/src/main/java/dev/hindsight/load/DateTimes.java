package dev.hindsight.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates and date-times authors write: {@code 2025-10-05}, {@code 2025-10-05T18:00},
 * {@code 2025-10-05 18:00:30}, with or without an offset ({@code Z}, {@code +08:00}, {@code +0800},
 * {@code +08}). Impossible dates (2025-02-30) are rejected, not rolled over.
 */
final class DateTimes {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private DateTimes() {
    }

    /** Thrown with a message for the author when a value is not a date they could have meant. */
    static final class InvalidDateException extends Exception {
        InvalidDateException(String message) {
            super(message);
        }
    }

    static LocalDate parseDate(String text) throws InvalidDateException {
        Matcher m = DATE_TIME.matcher(text.strip());
        if (!m.matches() || m.group(4) != null || m.group(8) != null) {
            throw new InvalidDateException("'" + text + "' is not a date like 2025-10-05");
        }
        return date(m, text);
    }

    /** A date alone means the start of that day in {@code zone}. */
    static OffsetDateTime parseDateTime(String text, ZoneId zone) throws InvalidDateException {
        Matcher m = DATE_TIME.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidDateException("'" + text + "' is not a date-time like 2025-10-05T18:00+08:00");
        }
        LocalDate date = date(m, text);
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            try {
                int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            } catch (DateTimeException e) {
                throw new InvalidDateException("'" + text + "' has an impossible time of day");
            }
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        if (m.group(8) == null) {
            return local.atZone(zone).toOffsetDateTime();
        }
        return OffsetDateTime.of(local, offset(m.group(8), text));
    }

    static ZoneOffset offset(String text, String whole) throws InvalidDateException {
        String normalised = text.equals("Z") ? "Z" : text.length() == 3 ? text + ":00"
                : text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text;
        try {
            return ZoneOffset.of(normalised);
        } catch (DateTimeException e) {
            throw new InvalidDateException("'" + whole + "' has an impossible UTC offset");
        }
    }

    private static LocalDate date(Matcher m, String text) throws InvalidDateException {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new InvalidDateException("'" + text.strip() + "' is not a real calendar date");
        }
    }
}
