package dev.hindsight.site.page;

import java.util.List;

/**
 * The action items of one owner in three sections: overdue, open and on schedule, closed.
 *
 * @param layout   the frame
 * @param title    "Action items of 张三"
 * @param stats    total, open, overdue, completed, completion rate
 * @param overdue  open items past due, by due date then id
 * @param open     open items not past due, by due date then id
 * @param closed   completed items (latest first), then cancelled ones
 * @param related  their incidents as report owner (when they own reports), all owners, the actions index
 */
public record ActionOwnerPage(Layout layout, String title, List<Stat> stats, List<ActionItemRow> overdue,
                              List<ActionItemRow> open, List<ActionItemRow> closed, List<LinkView> related) {
    public ActionOwnerPage {
        stats = List.copyOf(stats);
        overdue = MappedRows.kept(overdue);
        open = MappedRows.kept(open);
        closed = MappedRows.kept(closed);
        related = List.copyOf(related);
    }
}
