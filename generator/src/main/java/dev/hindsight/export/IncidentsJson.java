package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;

/**
 * {@code incidents.json}: every incident as {@code hindsight dump} writes it (ModelJson's incident
 * object, which leaves out the Markdown body), plus its page URL, newest first. Schema in docs/exports.md.
 */
final class IncidentsJson implements Export {
    @Override
    public String fileName() {
        return "incidents.json";
    }

    @Override
    public byte[] render(KnowledgeBase kb, ExportContext context) {
        return ModelJson.file(model -> {
            model.generator().writeStartObject();
            model.generator().writeArrayFieldStart("incidents");
            for (Incident incident : kb.incidents()) {
                model.writeIncident(incident, ExportContext.incidentPage(incident));
            }
            model.generator().writeEndArray();
            model.generator().writeEndObject();
        });
    }
}
