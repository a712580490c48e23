package dev.hindsight.site.page;

import java.util.List;

/**
 * The numbers behind a chart, as a table: every cell already formatted for the site's language.
 *
 * @param caption what the table lists
 * @param columns the header row
 * @param rows    the body rows, each as long as {@code columns}
 */
public record DataTable(String caption, List<Column> columns, List<List<Cell>> rows) {
    public DataTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A column: its heading, and whether it holds numbers (right-aligned). */
    public record Column(String label, boolean numeric) {
    }

    /** A cell's text, linked when {@code href} is not null. */
    public record Cell(String text, String href) {
        public static Cell of(String text) {
            return new Cell(text, null);
        }
    }
}
