package dev.hindsight.kb;

/**
 * Action-item counts for one group (an owner, a priority, a quarter...).
 *
 * @param key       the group, e.g. "李四", "high", "2025-Q4"
 * @param total     all items of the group, cancelled ones included (as in the seed's rate)
 * @param completed completed items
 * @param open      items neither completed nor cancelled
 * @param overdue   open items past due
 */
public record Breakdown(String key, int total, int completed, int open, int overdue) {
    /** The seed's completion rate: completed / total × 100, 0.0 for an empty group. */
    public double completionRate() {
        return ActionTracker.rate(completed, total);
    }

    /** The rate as the seed prints it: one decimal. */
    public String completionRateText() {
        return ActionTracker.formatRate(completionRate());
    }
}
