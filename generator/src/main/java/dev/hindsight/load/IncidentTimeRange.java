package dev.hindsight.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's 故障时间 line: {@code 2025-10-05 18:00 - 19:30 (UTC+8)}. The end may carry its own date
 * ({@code 2025-10-05 23:10 - 2025-10-06 01:05}); an end time earlier than the start without a date
 * means the next day. Without a zone the site's time zone applies.
 */
record IncidentTimeRange(OffsetDateTime start, OffsetDateTime end) {
    private static final Pattern RANGE = Pattern.compile(
            "(\\d{4}-\\d{1,2}-\\d{1,2})[ T]+(\\d{1,2}:\\d{2})(?::\\d{2})?"
                    + "(?:\\s*(?:-|–|—|~|～|至|到|to)\\s*(?:(\\d{4}-\\d{1,2}-\\d{1,2})[ T]+)?(\\d{1,2}:\\d{2})(?::\\d{2})?)?"
                    + "\\s*(?:[(（]?\\s*(?:UTC|GMT)?\\s*([+-]\\s*\\d{1,2}(?::?\\d{2})?)?\\s*[)）]?)?");

    static IncidentTimeRange parse(String text, ZoneId zone) throws DateTimes.InvalidDateException {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.lookingAt()) {
            throw new DateTimes.InvalidDateException("'" + text + "' is not an incident time like "
                    + "'2025-10-05 18:00 - 19:30 (UTC+8)'");
        }
        LocalDate startDate = DateTimes.parseDate(m.group(1));
        LocalTime startTime = time(m.group(2), text);
        ZoneOffset offset = m.group(5) == null ? null : offset(m.group(5).replace(" ", ""), text);
        boolean utcWithoutOffset = m.group(5) == null && text.matches("(?s).*\\b(UTC|GMT)\\b.*");
        if (utcWithoutOffset) {
            offset = ZoneOffset.UTC;
        }
        OffsetDateTime start = at(startDate, startTime, offset, zone);
        OffsetDateTime end = null;
        if (m.group(4) != null) {
            LocalDate endDate = m.group(3) == null ? startDate : DateTimes.parseDate(m.group(3));
            end = at(endDate, time(m.group(4), text), offset, zone);
            if (m.group(3) == null && end.isBefore(start)) {
                end = end.plusDays(1); // "23:10 - 01:05": past midnight
            }
        }
        return new IncidentTimeRange(start, end);
    }

    private static OffsetDateTime at(LocalDate date, LocalTime time, ZoneOffset offset, ZoneId zone) {
        return offset == null ? date.atTime(time).atZone(zone).toOffsetDateTime() : date.atTime(time).atOffset(offset);
    }

    private static LocalTime time(String hhmm, String whole) throws DateTimes.InvalidDateException {
        String[] parts = hhmm.split(":");
        try {
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (DateTimeException e) {
            throw new DateTimes.InvalidDateException("'" + whole + "' has an impossible time of day " + hhmm);
        }
    }

    /** "+8", "+08", "+0530", "+05:30". */
    private static ZoneOffset offset(String text, String whole) throws DateTimes.InvalidDateException {
        String sign = text.substring(0, 1);
        String digits = text.substring(1).replace(":", "");
        String hours = digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2);
        String minutes = digits.length() <= 2 ? "00" : digits.substring(digits.length() - 2);
        return DateTimes.offset(sign + (hours.length() == 1 ? "0" + hours : hours) + ":" + minutes, whole);
    }
}
