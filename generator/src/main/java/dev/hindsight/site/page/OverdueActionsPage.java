package dev.hindsight.site.page;

import java.util.List;

/** The overdue action items, by due date then id, with how late each is. */
public record OverdueActionsPage(Layout layout, String lead, List<ActionItemRow> rows, List<LinkView> related) {
    public OverdueActionsPage {
        rows = MappedRows.kept(rows);
        related = List.copyOf(related);
    }
}
