package dev.hindsight.search;

import java.util.List;

/**
 * An incident similar to another, and why.
 *
 * @param id      the similar incident's id
 * @param score   how similar: the summed weights of the query terms both have (see {@link RelatedIncidents})
 * @param reasons what they share: "service: payments-api", "tag: oom", "terms: pool, exhausted"
 */
public record RelatedIncident(String id, float score, List<String> reasons) {
    public RelatedIncident {
        reasons = List.copyOf(reasons);
    }
}
