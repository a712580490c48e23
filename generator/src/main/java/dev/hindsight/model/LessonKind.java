package dev.hindsight.model;

/** The two lists of the seed's 经验教训 section. */
public enum LessonKind {
    WENT_WELL, TO_IMPROVE;

    /** The spelling used in outputs, e.g. {@code went-well}. */
    public String label() {
        return EnumWords.label(this);
    }
}
