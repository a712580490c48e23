package dev.hindsight.model;

import java.util.Optional;

/** Where an action item stands. */
public enum ActionStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, BLOCKED, CANCELLED;

    /** Worked out once: pages and exports ask for it on every row. */
    private final String label = EnumWords.label(this);

    /** Reads a value in any case and word separator ({@code not-started}, {@code NotStarted}); empty if unknown. */
    public static Optional<ActionStatus> parse(String text) {
        return EnumWords.parse(values(), text);
    }

    /** The spelling used in reports and outputs, e.g. {@code in-progress}. */
    public String label() {
        return label;
    }
}
