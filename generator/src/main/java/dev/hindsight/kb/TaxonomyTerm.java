package dev.hindsight.kb;

import dev.hindsight.model.Incident;

import java.util.List;

/**
 * One value of a taxonomy (a service, a tag, a year...) and its incidents, newest first.
 *
 * @param name      as written in the reports (the first spelling met, case-insensitively)
 * @param slug      the path segment of its page
 * @param incidents newest first
 */
public record TaxonomyTerm(String name, String slug, List<Incident> incidents) {
    public TaxonomyTerm {
        incidents = List.copyOf(incidents);
    }

    public int count() {
        return incidents.size();
    }
}
