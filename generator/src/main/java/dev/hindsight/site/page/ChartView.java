package dev.hindsight.site.page;

import java.util.List;

/**
 * One chart of the metrics page: its section heading, the SVG markup (built and escaped in Java, shown as it
 * is), a sentence that says what it shows, a note on what it leaves out, its legend and its data table.
 *
 * @param id      unique on the page; the section's and table's ids start with it
 * @param svg     trusted markup made by the site's chart classes from escaped text
 * @param note    what the figures leave out and why, {@code null} when nothing
 * @param legend  the series' names and colour classes, empty for a single series
 */
public record ChartView(String id, String heading, String svg, String summary, String note,
                        List<LegendEntry> legend, DataTable table) {
    public ChartView {
        legend = List.copyOf(legend);
    }

    /** A series' name and the class that gives its swatch the series' colour. */
    public record LegendEntry(String label, String cssClass) {
    }
}
