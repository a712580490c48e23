package dev.hindsight.export;

import java.util.List;

/** Every export, in the fixed order they are written (and documented in docs/exports.md). */
public final class Exports {
    private Exports() {
    }

    public static List<Export> all() {
        return List.of(new ActionsCsv(), new ActionsJson(), new ActionsCalendar(), new IncidentsJson(),
                new TrackingReportText(), new AtomFeed(), new RobotsTxt());
    }
}
