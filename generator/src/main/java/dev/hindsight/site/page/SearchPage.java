package dev.hindsight.site.page;

import java.util.List;

/**
 * The search page: a box, filters and a results list that the browser engine ({@code search.js}) fills
 * from the exported index; without JavaScript, a note leads to the incidents table instead.
 *
 * @param layout        the page frame
 * @param engine        the engine script's URL from this page
 * @param dataHref      the engine's entry data file ({@code meta.js?v=...}) from this page; {@code null} when
 *                      the build wrote no search data, and the page says search is unavailable
 * @param dataBase      the directory of the data files from this page ("" when beside it)
 * @param root          the prefix back to the site root, for result links
 * @param incidentsHref the incidents table, for readers without JavaScript
 * @param severities    filter choices: the value is the taxonomy term's name, as the data files key it
 * @param years         filter choices
 * @param services      filter choices
 */
public record SearchPage(Layout layout, String engine, String dataHref, String dataBase, String root,
                         String incidentsHref, List<IncidentsPage.Option> severities,
                         List<IncidentsPage.Option> years, List<IncidentsPage.Option> services) {
    public SearchPage {
        severities = List.copyOf(severities);
        years = List.copyOf(years);
        services = List.copyOf(services);
    }
}
