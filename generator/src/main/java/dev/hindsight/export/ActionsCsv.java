package dev.hindsight.export;

import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;

/**
 * {@code actions.csv}: every action item, one row each, in the tracker's order (incidents newest first,
 * then the report's order), for spreadsheets. Columns and conventions are in docs/exports.md.
 */
final class ActionsCsv implements StreamedExport {
    static final List<String> COLUMNS = List.of("incident_id", "action_id", "qualified_id", "description",
            "status", "priority", "owner", "due", "due_stated", "completed", "term", "overdue", "days_late", "link",
            "incident_title", "incident_severity", "incident_started", "services");

    /** How the services of an incident share their one cell. */
    static final String SERVICE_SEPARATOR = "; ";

    @Override
    public String fileName() {
        return "actions.csv";
    }

    @Override
    public void write(KnowledgeBase kb, ExportContext context, OutputStream out) throws IOException {
        TextStream.write(writer -> csv(kb.tracker(), writer), out);
    }

    /** The tracker's items as CSV (the command line prints filtered trackers this way). */
    static byte[] csv(ActionTracker tracker) {
        return StreamedExport.bytes(out -> TextStream.write(writer -> csv(tracker, writer), out));
    }

    private static void csv(ActionTracker tracker, Writer out) throws IOException {
        out.write(CsvRows.BOM);
        CsvRows csv = new CsvRows().header(COLUMNS);
        for (TrackedItem tracked : tracker.items()) {
            ActionItem item = tracked.item();
            Incident incident = tracked.incident();
            csv.row(Arrays.asList(
                    incident.id(),
                    item.id(),
                    item.qualifiedId(),
                    item.description(),
                    item.status().label(),
                    item.priority().label(),
                    item.owner(),
                    date(item.due()),
                    String.valueOf(item.dueStated()),
                    date(item.completed()),
                    item.term() == null ? null : item.term().label(),
                    String.valueOf(tracked.overdue()),
                    String.valueOf(tracked.daysLate()),
                    item.link(),
                    incident.title(),
                    incident.severity().name(),
                    date(incident.times().started()),
                    String.join(SERVICE_SEPARATOR, incident.services())));
            csv.passOn(out);
        }
        csv.finish(out);
    }

    private static String date(Temporal value) {
        return value == null ? null : value.toString();
    }
}
