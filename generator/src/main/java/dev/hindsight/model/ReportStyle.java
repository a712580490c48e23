package dev.hindsight.model;

/** Which of the two first-class report forms a file is written in. */
public enum ReportStyle {
    /** YAML front matter at the top (the canonical form). */
    FRONT_MATTER,
    /** The seed template: metadata in the 基本信息 / Basic information list, no front matter. */
    SEED_TEMPLATE;

    /** Worked out once: pages and exports ask for it on every row. */
    private final String label = EnumWords.label(this);

    /** The spelling used in outputs, e.g. {@code seed-template}. */
    public String label() {
        return label;
    }
}
