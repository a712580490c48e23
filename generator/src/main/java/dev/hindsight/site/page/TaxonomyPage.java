package dev.hindsight.site.page;

import java.util.List;

/** The incidents of one taxonomy term (a service, a tag, a year...). */
public record TaxonomyPage(Layout layout, String title, String lead, List<IncidentRow> rows) {
    public TaxonomyPage {
        rows = MappedRows.kept(rows);
    }
}
