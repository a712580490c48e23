package dev.hindsight.diagnostic;

/**
 * The stable codes of every diagnostic. A code never changes meaning once released: add new ones,
 * never renumber. docs/diagnostics.md explains each.
 */
public enum DiagnosticCode {
    // HS10x: the file itself
    FILE_UNREADABLE("HS101", Level.ERROR),
    FILE_TOO_LARGE("HS102", Level.ERROR),
    EMPTY_FILE("HS103", Level.ERROR),
    BINARY_FILE("HS104", Level.ERROR),
    INVALID_UTF8("HS105", Level.ERROR),
    FILE_OUTSIDE_SOURCE("HS106", Level.ERROR),
    SOURCE_TOO_LARGE("HS107", Level.ERROR),

    // HS11x: the front matter as YAML
    UNCLOSED_FRONT_MATTER("HS110", Level.ERROR),
    INVALID_YAML("HS111", Level.ERROR),
    FRONT_MATTER_NOT_MAPPING("HS112", Level.ERROR),
    YAML_LIMIT_EXCEEDED("HS113", Level.ERROR),
    YAML_TAG_NOT_ALLOWED("HS114", Level.ERROR),
    DUPLICATE_KEY("HS115", Level.ERROR),
    LIKELY_TYPO_KEY("HS116", Level.WARNING),

    // HS12x: the report's fields
    MISSING_FIELD("HS120", Level.ERROR),
    WRONG_TYPE("HS121", Level.ERROR),
    UNKNOWN_VALUE("HS122", Level.ERROR),
    INVALID_DATE("HS123", Level.ERROR),
    TIME_BEFORE_START("HS124", Level.ERROR),
    INVALID_ID("HS125", Level.ERROR),
    DUPLICATE_ID("HS126", Level.ERROR),
    GENERIC_TITLE("HS127", Level.WARNING),
    DIRECTION_CONTROLS_REMOVED("HS128", Level.WARNING),
    TIMES_OUT_OF_ORDER("HS129", Level.WARNING),

    // HS13x: the body's known sections
    UNREADABLE_TIMELINE_ROW("HS130", Level.WARNING),
    BODY_TOO_DEEPLY_NESTED("HS131", Level.ERROR),

    // HS14x: action items
    COMPLETED_WITHOUT_DATE("HS140", Level.WARNING),
    DUE_BEFORE_INCIDENT("HS141", Level.WARNING),
    BAD_ANNOTATION("HS142", Level.WARNING),
    DUPLICATE_ACTION_ID("HS143", Level.ERROR),
    ACTION_WITHOUT_OWNER("HS144", Level.WARNING),
    COMPLETION_DATE_ON_OPEN_ITEM("HS145", Level.WARNING),

    // HS15x: links and files the body refers to (found while rendering)
    LINKED_FILE_MISSING("HS150", Level.WARNING),
    LINK_OUTSIDE_SOURCE("HS151", Level.WARNING),
    ROOT_ABSOLUTE_LINK("HS152", Level.WARNING),
    ACTIVE_ATTACHMENT("HS153", Level.WARNING),

    // HS16x: templates and output
    TEMPLATE_ERROR("HS160", Level.ERROR),
    OUTPUT_ERROR("HS161", Level.ERROR),
    OUTPUT_LOCKED("HS162", Level.ERROR),
    CACHE_NOT_WRITTEN("HS163", Level.WARNING),

    // HS20x: process policies (the seed's timeline), found by check; each level is configurable
    LATE_DRAFT("HS201", Level.WARNING),
    NO_ACTION_ITEMS("HS202", Level.WARNING),
    OVERDUE_ACTION("HS203", Level.WARNING),
    OVERDUE_URGENT_ACTION("HS204", Level.WARNING),
    MAJOR_WITHOUT_ROOT_CAUSE("HS205", Level.WARNING),
    MAJOR_WITHOUT_TIMELINE("HS206", Level.WARNING),
    ACTION_WITHOUT_DUE_DATE("HS207", Level.WARNING);

    private final String code;
    private final Level defaultLevel;

    DiagnosticCode(String code, Level defaultLevel) {
        this.code = code;
        this.defaultLevel = defaultLevel;
    }

    /** The code as printed, e.g. {@code HS101}. */
    public String code() {
        return code;
    }

    public Level defaultLevel() {
        return defaultLevel;
    }
}
