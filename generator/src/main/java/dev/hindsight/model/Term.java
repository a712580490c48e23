package dev.hindsight.model;

import java.util.Optional;

/** The seed's three horizons for action items: during the incident, within a week, within a month. */
public enum Term {
    IMMEDIATE, SHORT, LONG;

    /** Worked out once: pages and exports ask for it on every row. */
    private final String label = EnumWords.label(this);

    /** Reads a value in any case and word separator ({@code not-started}, {@code NotStarted}); empty if unknown. */
    public static Optional<Term> parse(String text) {
        // "short-term" and "long term" are how people say it in prose.
        String word = EnumWords.squash(text);
        return EnumWords.parse(values(), word.endsWith("term") ? word.substring(0, word.length() - 4) : word);
    }

    /** The spelling used in reports and outputs, e.g. {@code short}. */
    public String label() {
        return label;
    }
}
