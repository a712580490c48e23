package dev.hindsight.model;

/** The two lists of the seed's 经验教训 section. */
public enum LessonKind {
    WENT_WELL, TO_IMPROVE;

    /** Worked out once: pages and exports ask for it on every row. */
    private final String label = EnumWords.label(this);

    /** The spelling used in outputs, e.g. {@code went-well}. */
    public String label() {
        return label;
    }
}
