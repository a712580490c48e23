package dev.hindsight.site.page;

import java.util.List;

/**
 * The incidents whose anniversary falls within the coming days.
 *
 * @param layout the frame
 * @param lead   what the list covers: "Incidents whose anniversary falls between … and …"
 * @param rows   by anniversary, then the most recent incident first
 * @param empty  what the page would show, when {@code rows} is empty
 */
public record AnniversariesPage(Layout layout, String lead, List<AnniversaryRow> rows, String empty) {
    public AnniversariesPage {
        rows = List.copyOf(rows);
    }
}
