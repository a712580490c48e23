package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code incidents.json}: every incident as {@code hindsight dump} writes it (ModelJson's incident
 * object, which leaves out the Markdown body), plus its page URL, newest first. Schema in docs/exports.md.
 */
final class IncidentsJson implements StreamedExport {
    @Override
    public String fileName() {
        return "incidents.json";
    }

    @Override
    public void write(KnowledgeBase kb, ExportContext context, OutputStream out) throws IOException {
        ModelJson.file(document(kb), out);
    }

    private static ModelJson.Document document(KnowledgeBase kb) {
        return model -> {
            model.generator().writeStartObject();
            model.generator().writeArrayFieldStart("incidents");
            for (Incident incident : kb.incidents()) {
                model.writeIncident(incident, ExportContext.incidentPage(incident));
            }
            model.generator().writeEndArray();
            model.generator().writeEndObject();
        };
    }
}
