package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Priority;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code actions.ics}: an RFC 5545 calendar with one VTODO per open action item (neither completed nor
 * cancelled), in the tracker's order, so that calendar and task apps can subscribe to what is due.
 * Every property is derived from the knowledge base, never from the clock; see docs/exports.md.
 */
final class ActionsCalendar implements StreamedExport {
    static final String PRODUCT_ID = "-//Hindsight//Hindsight action items//EN";
    static final String UID_DOMAIN = "@hindsight";

    @Override
    public String fileName() {
        return "actions.ics";
    }

    @Override
    public void write(KnowledgeBase kb, ExportContext context, OutputStream out) throws IOException {
        TextStream.write(writer -> calendar(kb, context, writer), out);
    }

    private static void calendar(KnowledgeBase kb, ExportContext context, Writer out) throws IOException {
        ContentLines ics = new ContentLines()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", PRODUCT_ID)
                .line("CALSCALE", "GREGORIAN");
        String stamp = timestamp(kb.asOf());
        for (TrackedItem tracked : kb.tracker().open()) {
            ActionItem item = tracked.item();
            Incident incident = tracked.incident();
            ics.line("BEGIN", "VTODO")
                    .line("UID", uid(item))
                    .line("DTSTAMP", stamp)
                    .line("DUE;VALUE=DATE", item.due().format(DateTimeFormatter.BASIC_ISO_DATE))
                    .line("SUMMARY", ContentLines.text(item.description()))
                    .line("DESCRIPTION", ContentLines.text(description(item, incident, context)))
                    .line("PRIORITY", String.valueOf(priority(item.priority())))
                    .line("STATUS", item.status() == ActionStatus.IN_PROGRESS ? "IN-PROCESS" : "NEEDS-ACTION");
            String url = context.absolute(ExportContext.incidentPage(incident));
            if (url != null) {
                ics.line("URL", url);
            }
            if (!incident.services().isEmpty()) {
                ics.line("CATEGORIES", String.join(",", incident.services().stream().map(ContentLines::text).toList()));
            }
            ics.line("END", "VTODO").passOn(out);
        }
        ics.line("END", "VCALENDAR").finish(out);
    }

    /**
     * DTSTAMP is when the calendar object was created; the build's as-of date at midnight UTC stands in
     * for it, because the clock would make every build differ.
     */
    static String timestamp(LocalDate asOf) {
        return asOf.format(DateTimeFormatter.BASIC_ISO_DATE) + "T000000Z";
    }

    /**
     * The qualified id, with every character other than letters, digits, {@code . _ - /} percent-encoded
     * (UTF-8), then {@code @hindsight}: stable across builds, plain ASCII, nothing TEXT escaping would
     * touch, and distinct for distinct ids ('%' is itself encoded).
     */
    static String uid(ActionItem item) {
        StringBuilder out = new StringBuilder();
        for (byte b : item.qualifiedId().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == '/';
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.append(UID_DOMAIN).toString();
    }

    /** RFC 5545 priorities: 1 is the highest, 9 the lowest; 1–4 count as high, 5 medium, 6–9 low. */
    static int priority(Priority priority) {
        return switch (priority) {
            case CRITICAL -> 1;
            case HIGH -> 3;
            case MEDIUM -> 5;
            case LOW -> 7;
        };
    }

    /** Lines for the task's notes: which incident, who owns it, its status (blocked is otherwise lost), the ticket. */
    private static String description(ActionItem item, Incident incident, ExportContext context) {
        boolean zh = context.chinese();
        List<String> lines = new ArrayList<>();
        lines.add((zh ? "故障 " : "Incident ") + incident.id() + ": " + incident.title());
        String owner = item.owner() != null ? item.owner() : zh ? "未指定" : "unassigned";
        lines.add((zh ? "负责人: " : "Owner: ") + owner);
        lines.add((zh ? "状态: " : "Status: ") + item.status().label());
        if (item.link() != null) {
            lines.add((zh ? "工单: " : "Ticket: ") + item.link());
        }
        return String.join("\n", lines);
    }
}
