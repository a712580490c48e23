package dev.hindsight.site.page;

/**
 * A headline figure.
 *
 * @param value the figure as shown, e.g. "12" or "41.7%"
 * @param label what it counts
 * @param href  the page that lists what it counts, {@code null} when none does
 * @param alert draws attention (overdue items)
 */
public record Stat(String value, String label, String href, boolean alert) {
}
