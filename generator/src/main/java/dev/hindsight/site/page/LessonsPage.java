package dev.hindsight.site.page;

import java.util.List;

/** Every lesson learned, grouped by tag, each linking back to its incident. */
public record LessonsPage(Layout layout, List<Group> groups) {
    public LessonsPage {
        groups = List.copyOf(groups);
    }

    /** The lessons of one tag. */
    public record Group(String title, String anchor, String tagHref, List<Item> wentWell, List<Item> toImprove) {
        public Group {
            wentWell = List.copyOf(wentWell);
            toImprove = List.copyOf(toImprove);
        }
    }

    /** A lesson and the incident it came from. */
    public record Item(String text, String incidentId, String incidentHref) {
    }
}
