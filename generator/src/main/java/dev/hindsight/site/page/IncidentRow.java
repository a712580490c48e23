package dev.hindsight.site.page;

import gg.jte.Content;

import java.util.List;

/**
 * One incident in a table of incidents, display-ready.
 *
 * @param id              the incident's id
 * @param title           its title
 * @param href            link to its page
 * @param severity        its severity badge
 * @param severityValue   "P1", for filtering
 * @param services        service links
 * @param started         the start date as shown
 * @param startedIso      the start as ISO-8601, for sorting
 * @param duration        time to resolve as shown, empty when unresolved
 * @param durationMinutes time to resolve in minutes for sorting, empty when unresolved
 * @param status          the report-status badge
 * @param statusValue     "final", for filtering
 * @param openActions     open action items
 * @param year            the start year, for filtering
 * @param serviceList     space-separated service names, for filtering
 * @param tagList         space-separated tags, for filtering
 * @param searchText      lowercase text the free-text filter matches besides the row's cells: tags, owner, summary
 * @param writer          writes the row's HTML ({@link #html})
 */
public record IncidentRow(String id, String title, String href, Badge severity, String severityValue,
                          List<LinkView> services, String started, String startedIso, String duration,
                          String durationMinutes, Badge status, String statusValue, int openActions, String year,
                          String serviceList, String tagList, String searchText, RowWriter<IncidentRow> writer) {
    public IncidentRow {
        services = List.copyOf(services);
    }

    /**
     * The row's {@code <tr>} as {@code components/incidentRow.jte} renders it, already escaped: what the default
     * table writes in its {@code <tbody>} (the row template ends with the line break). For an element's body only:
     * in an attribute, jte would escape the markup again.
     */
    public Content html() {
        return output -> writer.write(this, output);
    }
}
