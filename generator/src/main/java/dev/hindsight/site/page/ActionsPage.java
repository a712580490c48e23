package dev.hindsight.site.page;

import java.util.List;

/**
 * Every action item of the knowledge base: headline figures, counts per priority and per quarter, the
 * burn-down, and the filterable table.
 *
 * @param layout     the frame
 * @param lead       "12 action items from 5 incidents, as of …"
 * @param stats      total, completed, in progress, overdue, completion rate
 * @param byPriority counts per priority, critical first
 * @param byQuarter  counts per quarter of the incidents' start, oldest first
 * @param burnDown   the burn-down chart and its numbers, {@code null} when there is nothing to chart
 * @param rows       every item: incidents newest first, then the report's order
 * @param statuses   the status filter's choices
 * @param priorities the priority filter's choices
 * @param owners     the owner filter's choices
 * @param services   the service filter's choices
 * @param related    the overdue page and the owners' pages
 */
public record ActionsPage(Layout layout, String lead, List<Stat> stats, List<ActionCounts> byPriority,
                          List<ActionCounts> byQuarter, BurnDown burnDown, List<ActionItemRow> rows,
                          List<FilterOption> statuses, List<FilterOption> priorities, List<FilterOption> owners,
                          List<FilterOption> services, List<LinkView> related) {
    public ActionsPage {
        stats = List.copyOf(stats);
        byPriority = List.copyOf(byPriority);
        byQuarter = List.copyOf(byQuarter);
        rows = MappedRows.kept(rows);
        statuses = List.copyOf(statuses);
        priorities = List.copyOf(priorities);
        owners = List.copyOf(owners);
        services = List.copyOf(services);
        related = List.copyOf(related);
    }

    /**
     * Open items month by month.
     *
     * @param svg    the chart as inline SVG markup, rendered at build time (text in it is escaped)
     * @param points the same numbers as a table
     */
    public record BurnDown(String svg, List<Point> points) {
        public BurnDown {
            points = List.copyOf(points);
        }
    }

    /** One month's end (or the as-of date) and the items open then. */
    public record Point(String date, String dateIso, int open) {
    }
}
