package dev.hindsight.kb;

import java.util.Locale;

/** The ways incidents are grouped; each has an index page and a page per term. */
public enum TaxonomyKind {
    SERVICES, TAGS, SEVERITIES, YEARS, OWNERS;

    /** The path segment of this taxonomy's pages, e.g. {@code services}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
