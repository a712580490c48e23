package dev.hindsight.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * {@code actions.json}: the tracker's summary (the tracking report's numbers) and every action item with
 * what the tracker knows about it, in the tracker's order. Schema in docs/exports.md.
 */
final class ActionsJson implements StreamedExport {
    @Override
    public String fileName() {
        return "actions.json";
    }

    @Override
    public void write(KnowledgeBase kb, ExportContext context, OutputStream out) throws IOException {
        ModelJson.file(document(kb.tracker()), out);
    }

    /** The tracker's summary and items as JSON (the command line prints filtered trackers this way). */
    static byte[] json(ActionTracker tracker) {
        return StreamedExport.bytes(out -> ModelJson.file(document(tracker), out));
    }

    private static ModelJson.Document document(ActionTracker tracker) {
        return model -> {
            JsonGenerator json = model.generator();
            json.writeStartObject();
            model.temporal("asOf", tracker.asOf());
            json.writeObjectFieldStart("summary");
            json.writeNumberField("total", tracker.total());
            json.writeNumberField("completed", tracker.count(ActionStatus.COMPLETED));
            json.writeNumberField("inProgress", tracker.count(ActionStatus.IN_PROGRESS));
            json.writeNumberField("overdue", tracker.overdue().size());
            // The tracking report's one-decimal figure, as a number: 41.7, 0.0, 100.0.
            json.writeFieldName("completionRate");
            json.writeNumber(new BigDecimal(ActionTracker.formatRate(tracker.completionRate())));
            json.writeEndObject();
            json.writeArrayFieldStart("items");
            for (TrackedItem tracked : tracker.items()) {
                Incident incident = tracked.incident();
                json.writeStartObject();
                model.writeActionFields(tracked.item());
                json.writeBooleanField("dueStated", tracked.item().dueStated());
                model.temporal("completedOn", tracked.completedOn());
                json.writeBooleanField("overdue", tracked.overdue());
                json.writeNumberField("daysLate", tracked.daysLate());
                json.writeNumberField("ageDays", tracked.ageDays());
                json.writeObjectFieldStart("incident");
                json.writeStringField("id", incident.id());
                json.writeStringField("title", incident.title());
                json.writeStringField("severity", incident.severity().name());
                model.temporal("started", incident.times().started());
                model.strings("services", incident.services());
                json.writeStringField("url", ExportContext.incidentPage(incident));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        };
    }
}
