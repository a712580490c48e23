package dev.hindsight.site.page;

import java.util.List;

/** The index of one taxonomy: every term with its incident count. */
public record TaxonomyIndexPage(Layout layout, String title, String lead, List<Term> terms) {
    public TaxonomyIndexPage {
        terms = List.copyOf(terms);
    }

    /** A term and how many incidents it has. */
    public record Term(String name, String href, int count) {
    }
}
