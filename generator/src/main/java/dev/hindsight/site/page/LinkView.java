package dev.hindsight.site.page;

/** A link as shown: its text and its (already relative and sanitised) target. */
public record LinkView(String text, String href) {
}
