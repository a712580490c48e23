package dev.hindsight.site.page;

/**
 * Action-item counts of one group (a priority, a quarter, an owner), display-ready.
 *
 * @param label     the group as shown
 * @param href      the group's page, {@code null} when it has none
 * @param badge     a badge to show instead of the label (priorities), {@code null} for plain text
 * @param total     all items, cancelled ones included
 * @param completed completed items
 * @param open      items neither completed nor cancelled
 * @param overdue   open items past due
 * @param rate      the completion rate as the seed prints it, e.g. "41.7%"
 * @param percent   the rate rounded to 0–100, for a meter
 */
public record ActionCounts(String label, String href, Badge badge, int total, int completed, int open, int overdue,
                           String rate, int percent) {
}
