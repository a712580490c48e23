package dev.hindsight.site.page;

import java.util.List;

/** Everyone who owns action items, with their counts and completion rates, each linking to their page. */
public record ActionOwnersPage(Layout layout, String lead, List<ActionCounts> owners, List<LinkView> related) {
    public ActionOwnersPage {
        owners = List.copyOf(owners);
        related = List.copyOf(related);
    }
}
