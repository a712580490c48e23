package dev.hindsight.search;

import java.util.Locale;

/**
 * The searchable fields of an incident document and their query-time weights: words in the title, the
 * root cause, services and tags say more about an incident than words in its body. The browser engine
 * reads these weights from the exported index, so both rank alike.
 */
public enum SearchField {
    TITLE(3.0f),
    ROOT_CAUSE(2.0f),
    SERVICES(2.0f),
    TAGS(2.0f),
    SUMMARY(1.5f),
    LESSONS(1.0f),
    ACTIONS(1.0f),
    BODY(1.0f);

    private final float boost;

    SearchField(float boost) {
        this.boost = boost;
    }

    /** The Lucene field name, e.g. {@code root_cause}. */
    public String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public float boost() {
        return boost;
    }
}
