package dev.hindsight.site.page;

import java.util.List;

/**
 * The home page: headline figures, the latest incidents, those that started on this day in earlier years
 * ({@code onThisDay}, with a link to the coming anniversaries), the ways in, and the machine-readable
 * files written beside the pages ({@code downloads}: exports such as {@code actions.csv}; empty when none).
 */
public record HomePage(Layout layout, List<Stat> stats, List<IncidentRow> latest, List<AnniversaryRow> onThisDay,
                       String anniversariesHref, List<Card> browse, String searchAction, List<LinkView> downloads) {
    public HomePage {
        stats = List.copyOf(stats);
        latest = List.copyOf(latest);
        onThisDay = List.copyOf(onThisDay);
        browse = List.copyOf(browse);
        downloads = List.copyOf(downloads);
    }

    /** A headline figure; {@code alert} draws attention (overdue items). */
    public record Stat(String value, String label, String href, boolean alert) {
    }

    /** An entry point: an index page and how many entries it has. */
    public record Card(String title, String href, String count) {
    }
}
