package dev.hindsight.kb;

import dev.hindsight.model.ActionStatus;

import java.util.Locale;

/**
 * The seed's tracking report, in its exact shape, in Chinese (the seed's own words) or English:
 * <pre>
 * === 改进措施跟踪报告 ===
 *
 * 总计: 12
 * ...
 * 逾期项目:
 *   - [INC-2025-10-05-001/A2] 实施配置变更的影响评估流程 (负责人: 李四, 截止: 2025-10-12)
 * </pre>
 */
public final class TrackingReport {
    private TrackingReport() {
    }

    private record Words(String title, String total, String completed, String inProgress, String overdue,
                         String rate, String overdueItems, String owner, String due, String unassigned) {
    }

    private static final Words CHINESE = new Words("=== 改进措施跟踪报告 ===", "总计", "已完成", "进行中", "逾期", "完成率",
            "逾期项目:", "负责人", "截止", "未指定");
    private static final Words ENGLISH = new Words("=== Action item tracking report ===", "Total", "Completed",
            "In progress", "Overdue", "Completion rate", "Overdue items:", "owner", "due", "unassigned");

    /** The report for {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    public static String text(ActionTracker tracker, Locale locale) {
        Words w = locale.getLanguage().equals("zh") ? CHINESE : ENGLISH;
        StringBuilder out = new StringBuilder();
        out.append(w.title()).append("\n\n");
        out.append(w.total()).append(": ").append(tracker.total()).append('\n');
        out.append(w.completed()).append(": ").append(tracker.count(ActionStatus.COMPLETED)).append('\n');
        out.append(w.inProgress()).append(": ").append(tracker.count(ActionStatus.IN_PROGRESS)).append('\n');
        out.append(w.overdue()).append(": ").append(tracker.overdue().size()).append('\n');
        out.append(w.rate()).append(": ").append(ActionTracker.formatRate(tracker.completionRate())).append("%\n\n");
        out.append(w.overdueItems()).append('\n');
        for (TrackedItem t : tracker.overdue()) {
            out.append("  - [").append(t.item().qualifiedId()).append("] ").append(t.item().description())
                    .append(" (").append(w.owner()).append(": ")
                    .append(t.item().owner() == null ? w.unassigned() : t.item().owner())
                    .append(", ").append(w.due()).append(": ").append(t.item().due()).append(")\n");
        }
        return out.toString();
    }
}
