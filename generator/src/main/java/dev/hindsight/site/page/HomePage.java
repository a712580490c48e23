package dev.hindsight.site.page;

import java.util.List;

/** The home page: headline figures, the latest incidents, the ways in. */
public record HomePage(Layout layout, List<Stat> stats, List<IncidentRow> latest, List<Card> browse,
                       String searchAction) {
    public HomePage {
        stats = List.copyOf(stats);
        latest = List.copyOf(latest);
        browse = List.copyOf(browse);
    }

    /** A headline figure; {@code alert} draws attention (overdue items). */
    public record Stat(String value, String label, String href, boolean alert) {
    }

    /** An entry point: an index page and how many entries it has. */
    public record Card(String title, String href, String count) {
    }
}
