package dev.hindsight.site.page;

/** A choice of a filter form: the value matched against the rows' data attributes and the label shown. */
public record FilterOption(String value, String label) {
}
