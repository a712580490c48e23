package dev.hindsight.site;

import dev.hindsight.kb.Slugs;
import dev.hindsight.kb.Taxonomy;
import dev.hindsight.kb.TaxonomyTerm;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The path segments of the action owners' pages ({@code actions/owners/<slug>/}). Someone who also owns
 * reports keeps the segment of their {@code owners/} page, so one person has one name in URLs; others get
 * one made the way the knowledge base makes its slugs (letters of any script and digits kept, the rest
 * folded to '-'), never one already taken, with -2, -3 on a clash. Items without an owner get a page
 * too, under {@code unassigned}.
 */
final class ActionOwnerSlugs {
    /** The tracker's key for items without an owner. */
    static final String UNASSIGNED = "";

    private final Map<String, String> slugs = new LinkedHashMap<>();

    /**
     * @param owners       the tracker's owner keys, in its order ({@link #UNASSIGNED} for items without one)
     * @param reportOwners the knowledge base's owners taxonomy
     */
    ActionOwnerSlugs(List<String> owners, Taxonomy reportOwners) {
        Slugs fresh = new Slugs(reportOwners.terms().stream().map(TaxonomyTerm::slug).toList());
        Set<String> claimed = new HashSet<>();
        for (String owner : owners) {
            if (owner.equals(UNASSIGNED)) {
                continue;
            }
            // Owners match case-insensitively, as the taxonomy's terms do; the first spelling gets the segment.
            Optional<TaxonomyTerm> term = reportOwners.term(owner);
            if (term.isPresent() && claimed.add(term.get().slug().toLowerCase(Locale.ROOT))) {
                slugs.put(owner, term.get().slug());
            } else {
                slugs.put(owner, fresh.assign(owner));
            }
        }
        if (owners.contains(UNASSIGNED)) {
            slugs.put(UNASSIGNED, fresh.assign("unassigned"));
        }
    }

    /** The slug of an owner key the constructor was given. */
    String slug(String owner) {
        String slug = slugs.get(owner);
        if (slug == null) {
            throw new IllegalArgumentException("not an action owner: " + owner);
        }
        return slug;
    }
}
