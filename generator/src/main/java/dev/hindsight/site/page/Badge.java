package dev.hindsight.site.page;

/** A small label: its text and the CSS classes that colour it, e.g. "badge sev sev-p1". */
public record Badge(String text, String cssClass) {
}
