package dev.hindsight.site;

import java.util.List;
import java.util.Objects;

/**
 * An incident similar to another one, as the search stage found it, for the incident page.
 *
 * @param id      the similar incident's id
 * @param reasons what the two share, e.g. "tag: oom"
 */
public record RelatedLink(String id, List<String> reasons) {
    public RelatedLink {
        Objects.requireNonNull(id, "id");
        reasons = List.copyOf(reasons);
    }
}
