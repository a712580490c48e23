package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.SectionRole;
import dev.hindsight.model.TimelineEntry;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.node.Node;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timeline: the first table of the timeline section; column 1 a time, column 2 the event, an
 * optional column 3 who. {@code HH:MM} times take the incident's date and offset, and roll over to the
 * next day when the clock goes backwards (an incident that crosses midnight).
 */
final class TimelineReader {
    private static final Pattern OFFSET_AT_END = Pattern.compile("\\d:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:Z|[+-]\\d{2}(?::?\\d{2})?)$");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private TimelineReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft, ZoneId zone, Diagnostics diagnostics) {
        if (draft.timeline != null || draft.started == null) {
            return;
        }
        TableBlock table = firstTable(body.section(SectionRole.TIMELINE));
        if (table == null) {
            return;
        }
        OffsetDateTime started = draft.started.value();
        List<TimelineEntry> entries = new ArrayList<>();
        OffsetDateTime previous = null;
        int row = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (!(part instanceof TableBody)) {
                continue; // the header row names the columns
            }
            for (Node tableRow = part.getFirstChild(); tableRow != null; tableRow = tableRow.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = tableRow.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(PlainText.of(cell));
                }
                // Rows have no source spans of their own here: header and delimiter take two lines.
                int line = body.line(table) + 2 + row++;
                OffsetDateTime time = time(cells.isEmpty() ? "" : cells.get(0), started, previous, zone);
                if (time == null || cells.size() < 2 || cells.get(1).isEmpty()) {
                    diagnostics.report(DiagnosticCode.UNREADABLE_TIMELINE_ROW, line, 1,
                            "timeline row skipped: '" + String.join(" | ", cells) + "' has no readable time and event",
                            "start the row with a time (18:00, 2025-10-05 18:00 or ISO) followed by the event");
                    continue;
                }
                String actor = cells.size() > 2 && !cells.get(2).isEmpty() ? People.name(cells.get(2)) : null;
                entries.add(new TimelineEntry(time, cells.get(1), actor));
                previous = time;
            }
        }
        draft.timeline = entries;
    }

    private static TableBlock firstTable(List<Node> blocks) {
        for (Node block : blocks) {
            if (block instanceof TableBlock table) {
                return table;
            }
        }
        return null;
    }

    private static OffsetDateTime time(String cell, OffsetDateTime started, OffsetDateTime previous, ZoneId zone) {
        String text = cell.strip();
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            int hour = Integer.parseInt(clock.group(1));
            int minute = Integer.parseInt(clock.group(2));
            int second = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
            if (hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            OffsetDateTime base = previous != null ? previous : started;
            OffsetDateTime time = base.toLocalDate().atTime(LocalTime.of(hour, minute, second))
                    .atOffset(started.getOffset());
            return previous != null && time.isBefore(previous) ? time.plusDays(1) : time;
        }
        try {
            // A full date-time without an offset shares the incident's offset, not the site's zone.
            OffsetDateTime parsed = DateTimes.parseDateTime(text, zone);
            boolean hasOffset = OFFSET_AT_END.matcher(text).find();
            return hasOffset ? parsed : parsed.toLocalDateTime().atOffset(started.getOffset());
        } catch (DateTimes.InvalidDateException e) {
            return null;
        }
    }
}
