package dev.hindsight.model;

import java.util.Optional;

/** The state of the written report itself (not of the incident). */
public enum ReportStatus {
    DRAFT, REVIEW, FINAL;

    /** Worked out once: pages and exports ask for it on every row. */
    private final String label = EnumWords.label(this);

    /** Reads a value in any case and word separator ({@code not-started}, {@code NotStarted}); empty if unknown. */
    public static Optional<ReportStatus> parse(String text) {
        return EnumWords.parse(values(), text);
    }

    /** The spelling used in reports and outputs, e.g. {@code in-progress}. */
    public String label() {
        return label;
    }
}
