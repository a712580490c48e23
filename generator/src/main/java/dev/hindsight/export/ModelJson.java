package dev.hindsight.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Lesson;
import dev.hindsight.model.Link;
import dev.hindsight.model.RootCauseAnalysis;
import dev.hindsight.model.Section;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.model.WhyStep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

/**
 * Writes incidents and diagnostics as JSON with a fixed key order (the order below, never a map's),
 * so the same model always gives the same bytes. Absent values are written as {@code null}, never
 * left out, so consumers see every key. Durations are ISO-8601, e.g. {@code PT1H30M}.
 */
public final class ModelJson implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private final JsonGenerator json;

    /** JSON for people to read (what the command line prints): indented, a key and its value on one line. */
    public ModelJson(Writer out) throws IOException {
        this(out, true);
    }

    private ModelJson(Writer out, boolean indented) throws IOException {
        json = FACTORY.createGenerator(out);
        if (indented) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            pretty.indentArraysWith(new DefaultIndenter("  ", "\n"));
            json.setPrettyPrinter(pretty);
        }
    }

    /** {@code {"incidents": [...], "diagnostics": [...]}}: what {@code dump} prints. */
    public void writeDump(List<Incident> incidents, List<Diagnostic> diagnostics) throws IOException {
        json.writeStartObject();
        json.writeFieldName("incidents");
        json.writeStartArray();
        for (Incident incident : incidents) {
            writeIncident(incident);
        }
        json.writeEndArray();
        json.writeFieldName("diagnostics");
        writeDiagnostics(diagnostics);
        json.writeEndObject();
    }

    public void writeDiagnostics(List<Diagnostic> diagnostics) throws IOException {
        json.writeStartArray();
        for (Diagnostic d : diagnostics) {
            json.writeStartObject();
            json.writeStringField("path", d.path());
            json.writeNumberField("line", d.line());
            json.writeNumberField("column", d.column());
            json.writeStringField("severity", d.level().label());
            json.writeStringField("code", d.code().code());
            json.writeStringField("message", d.message());
            json.writeStringField("hint", d.hint());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Low-level access for callers that wrap these arrays in objects of their own. */
    public JsonGenerator generator() {
        return json;
    }

    /** What a file export writes into a fresh {@link ModelJson}. */
    @FunctionalInterface
    interface Document {
        void write(ModelJson json) throws IOException;
    }

    /**
     * A whole JSON file streamed into {@code out}: the document without indentation, a final newline, UTF-8. The
     * files are for programs: indented, incidents.json and actions.json of 10,000 reports were 162 MB rather than
     * 105 MB, and the pretty printer was in a quarter of the profile samples of their writing.
     */
    static void file(Document document, OutputStream out) throws IOException {
        Writer writer = new Utf8Writer(out);
        try (ModelJson json = new ModelJson(writer, false)) {
            json.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            document.write(json);
        }
        writer.write('\n');
        writer.close();
    }

    public void writeIncident(Incident incident) throws IOException {
        writeIncident(incident, null);
    }

    /**
     * The incident object, with {@code "url"} (its page, relative to the site root) after the title when
     * {@code pageUrl} is given: the site's exports have it, {@code dump} (which has no site) does not.
     */
    void writeIncident(Incident incident, String pageUrl) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", incident.id());
        json.writeStringField("title", incident.title());
        if (pageUrl != null) {
            json.writeStringField("url", pageUrl);
        }
        json.writeStringField("severity", incident.severity().name());
        json.writeStringField("status", incident.status().label());
        writeTimes(incident.times());
        strings("services", incident.services());
        strings("tags", incident.tags());
        json.writeStringField("owner", incident.owner());
        strings("participants", incident.participants());
        json.writeStringField("summary", incident.summary());
        writeImpact(incident.impact());
        writeAnalysis(incident.analysis());
        json.writeArrayFieldStart("timeline");
        for (TimelineEntry entry : incident.timeline()) {
            json.writeStartObject();
            temporal("time", entry.time());
            json.writeStringField("event", entry.event());
            json.writeStringField("actor", entry.actor());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("actions");
        for (ActionItem item : incident.actions()) {
            writeAction(item);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("lessons");
        for (Lesson lesson : incident.lessons()) {
            json.writeStartObject();
            json.writeStringField("kind", lesson.kind().label());
            json.writeStringField("text", lesson.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("links");
        for (Link link : incident.links()) {
            json.writeStartObject();
            json.writeStringField("title", link.title());
            json.writeStringField("url", link.url());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("extra");
        plain(incident.extra());
        json.writeObjectFieldStart("source");
        json.writeStringField("path", incident.source().path());
        json.writeStringField("style", incident.source().style().label());
        json.writeNumberField("bodyLine", incident.source().bodyLine());
        json.writeArrayFieldStart("outline");
        for (Section section : incident.source().outline()) {
            json.writeStartObject();
            json.writeNumberField("level", section.level());
            json.writeStringField("title", section.title());
            json.writeStringField("anchor", section.anchor());
            json.writeStringField("role", section.role() == null ? null : section.role().label());
            json.writeNumberField("line", section.line());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeTimes(IncidentTimes times) throws IOException {
        temporal("started", times.started());
        temporal("detected", times.detected());
        temporal("mitigated", times.mitigated());
        temporal("resolved", times.resolved());
        duration("timeToDetect", times.timeToDetect().orElse(null));
        duration("timeToMitigate", times.timeToMitigate().orElse(null));
        duration("timeToResolve", times.timeToResolve().orElse(null));
    }

    private void writeImpact(Impact impact) throws IOException {
        json.writeObjectFieldStart("impact");
        json.writeStringField("scope", impact.scope());
        number("users", impact.users());
        json.writeStringField("dataLoss", impact.dataLoss());
        number("availability", impact.availability());
        number("sloBefore", impact.sloBefore());
        number("sloAfter", impact.sloAfter());
        number("errorBudgetConsumed", impact.errorBudgetConsumed());
        json.writeEndObject();
    }

    private void writeAnalysis(RootCauseAnalysis analysis) throws IOException {
        json.writeStringField("rootCause", analysis.rootCause());
        json.writeStringField("trigger", analysis.trigger());
        json.writeStringField("directCause", analysis.directCause());
        json.writeArrayFieldStart("whys");
        for (WhyStep why : analysis.whys()) {
            json.writeStartObject();
            json.writeNumberField("number", why.number());
            json.writeStringField("question", why.question());
            json.writeStringField("answer", why.answer());
            json.writeEndObject();
        }
        json.writeEndArray();
        strings("contributingFactors", analysis.contributingFactors());
    }

    private void writeAction(ActionItem item) throws IOException {
        json.writeStartObject();
        writeActionFields(item);
        json.writeEndObject();
    }

    /** An action item's own fields, inside an object the caller opens (and may add to) and closes. */
    void writeActionFields(ActionItem item) throws IOException {
        json.writeStringField("id", item.id());
        json.writeStringField("qualifiedId", item.qualifiedId());
        json.writeStringField("description", item.description());
        json.writeStringField("priority", item.priority().label());
        json.writeStringField("owner", item.owner());
        temporal("due", item.due());
        json.writeStringField("status", item.status().label());
        temporal("completed", item.completed());
        json.writeStringField("term", item.term() == null ? null : item.term().label());
        json.writeStringField("link", item.link());
    }

    void strings(String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    void temporal(String name, Temporal value) throws IOException {
        json.writeStringField(name, value == null ? null : value.toString());
    }

    private void duration(String name, Duration value) throws IOException {
        json.writeStringField(name, value == null ? null : value.toString());
    }

    private void number(String name, Number value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else if (value instanceof Long l) {
            json.writeNumberField(name, l);
        } else {
            json.writeNumberField(name, value.doubleValue());
        }
    }

    /** Extra front-matter values: String, Long, Double, Boolean, List or Map, in file order. */
    private void plain(Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                plain(e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                plain(item);
            }
            json.writeEndArray();
        } else if (value instanceof Number || value instanceof Boolean) {
            if (value instanceof Long l) {
                json.writeNumber(l);
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else {
                json.writeNumber(((Number) value).doubleValue());
            }
        } else {
            json.writeString(value == null ? null : value.toString());
        }
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
