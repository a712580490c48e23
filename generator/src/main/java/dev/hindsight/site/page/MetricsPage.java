package dev.hindsight.site.page;

import java.util.List;

/**
 * The metrics dashboard for all incidents, one year's or one service's.
 *
 * @param heading  the page's H1
 * @param lead     what the figures cover
 * @param all      the view of every incident ({@code current} marks the view shown)
 * @param years    a view per year, newest first
 * @param services a view per service, by name
 * @param charts   the charts, empty when there are no incidents
 * @param empty    the empty state's sentence, {@code null} when there are incidents
 */
public record MetricsPage(Layout layout, String heading, String lead, Layout.NavLink all,
                          List<Layout.NavLink> years, List<Layout.NavLink> services, List<ChartView> charts,
                          String empty) {
    public MetricsPage {
        years = List.copyOf(years);
        services = List.copyOf(services);
        charts = List.copyOf(charts);
    }
}
