package dev.hindsight.search;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.Lesson;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How an incident becomes a Lucene document: its text per {@link SearchField}, plus stored metadata. */
final class IndexedIncident {
    static final String ID = "id";
    static final String SEVERITY = "severity";
    static final String YEAR = "year";
    static final String STARTED = "started";
    /** Analysers are safe to share between threads (each thread gets its own token streams). */
    private static final Analyzer ANALYZER = new SearchAnalyzer();

    private IndexedIncident() {
    }

    /** The text of each searchable field, as indexed. */
    static Map<SearchField, String> texts(Incident incident) {
        Map<SearchField, String> texts = textsButTheBody(incident);
        texts.put(SearchField.BODY, incident.source().markdown());
        return texts;
    }

    /** The text of each searchable field but the body, which is the longest and is kept deflated. */
    static Map<SearchField, String> textsButTheBody(Incident incident) {
        Map<SearchField, String> texts = new EnumMap<>(SearchField.class);
        texts.put(SearchField.TITLE, incident.title());
        texts.put(SearchField.ROOT_CAUSE, join(incident.analysis().rootCause(), incident.analysis().trigger(),
                String.join(" ", incident.analysis().contributingFactors())));
        texts.put(SearchField.SERVICES, String.join(" ", incident.services()));
        texts.put(SearchField.TAGS, String.join(" ", incident.tags()));
        texts.put(SearchField.SUMMARY, incident.summary() == null ? "" : incident.summary());
        texts.put(SearchField.LESSONS, incident.lessons().stream().map(Lesson::text).collect(Collectors.joining(" ")));
        texts.put(SearchField.ACTIONS, incident.actions().stream().map(ActionItem::description)
                .collect(Collectors.joining(" ")));
        return texts;
    }

    /**
     * How often each term is in each searchable field of the incident's document: the frequencies its postings
     * record (the writer analyses the same text with the same analyser).
     */
    static Map<SearchField, Map<String, Integer>> termCounts(Incident incident) {
        Map<SearchField, Map<String, Integer>> counts = new EnumMap<>(SearchField.class);
        texts(incident).forEach((field, text) -> {
            Map<String, Integer> inField = new HashMap<>();
            SearchAnalyzer.terms(ANALYZER, field.fieldName(), text).forEach(term -> inField.merge(term, 1, Integer::sum));
            counts.put(field, inField);
        });
        return counts;
    }

    /**
     * The incident's document, its text fields analysed by the writer's {@link SearchAnalyzer}; the fields are
     * those the searches and the static export read.
     */
    static Document document(Incident incident) {
        Document doc = new Document();
        doc.add(new StringField(ID, incident.id(), Field.Store.YES));
        addText(doc, SEVERITY, incident.severity().name().toLowerCase(Locale.ROOT), true);
        addText(doc, YEAR, String.valueOf(incident.times().started().getYear()), true);
        doc.add(new StoredField(STARTED, incident.times().started().toString()));
        texts(incident).forEach((field, text) -> addText(doc, field.fieldName(), text,
                field == SearchField.TITLE || field == SearchField.SUMMARY));
        return doc;
    }

    private static void addText(Document doc, String field, String text, boolean stored) {
        doc.add(new TextField(field, text, Field.Store.NO));
        if (stored) {
            doc.add(new StoredField(field, text));
        }
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.append(out.length() > 0 ? " " : "").append(part);
            }
        }
        return out.toString();
    }
}
