package dev.hindsight.diagnostic;

import java.util.Locale;

/** An error excludes the report from the outputs; a warning keeps it. */
public enum Level {
    ERROR, WARNING;

    /** The word gcc-style output uses: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
