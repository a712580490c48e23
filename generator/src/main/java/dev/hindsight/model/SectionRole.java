package dev.hindsight.model;

/** The sections of the report format that Hindsight understands, recognised by their heading. */
public enum SectionRole {
    BASIC_INFORMATION,
    SUMMARY,
    TIMELINE,
    IMPACT,
    USER_IMPACT,
    SYSTEM_IMPACT,
    ROOT_CAUSE_ANALYSIS,
    DIRECT_CAUSE,
    FIVE_WHYS,
    CONTRIBUTING_FACTORS,
    ACTION_ITEMS,
    IMMEDIATE_ACTIONS,
    SHORT_TERM_ACTIONS,
    LONG_TERM_ACTIONS,
    LESSONS,
    WENT_WELL,
    TO_IMPROVE,
    REFERENCES;

    /** Worked out once: pages and exports ask for it on every row. */
    private final String label = EnumWords.label(this);

    /** The spelling used in outputs, e.g. {@code five-whys}. */
    public String label() {
        return label;
    }
}
