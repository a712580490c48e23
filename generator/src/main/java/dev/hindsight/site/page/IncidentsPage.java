package dev.hindsight.site.page;

import java.util.List;

/** The table of every incident, with client-side filters whose options are listed here. */
public record IncidentsPage(Layout layout, List<IncidentRow> rows, List<Option> severities, List<Option> services,
                            List<Option> tags, List<Option> years, List<Option> statuses, List<LinkView> browse) {
    public IncidentsPage {
        rows = MappedRows.kept(rows);
        severities = List.copyOf(severities);
        services = List.copyOf(services);
        tags = List.copyOf(tags);
        years = List.copyOf(years);
        statuses = List.copyOf(statuses);
        browse = List.copyOf(browse);
    }

    /** A filter choice: the value matched against rows and the label shown. */
    public record Option(String value, String label) {
    }
}
