package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.kb.KnowledgeBase;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a build wrote into its output directory, kept in memory (by the preview server) so that the next build
 * of the same reports can render only the pages an edit touched and leave the others as they are.
 *
 * @param output         the site's directory
 * @param settings       how it was rendered; other settings mean a full build
 * @param kb             the knowledge base it showed
 * @param related        the related incidents each incident page listed
 * @param files          every file of the site, by site path (pages, extras, assets, attachments)
 * @param extraDigests   a digest of each extra file given as bytes, to write only those that changed
 * @param attachments    by incident id, the linked files its page published
 * @param pageProblems   by page, what rendering it found (kept for the pages a rebuild does not render)
 * @param checked        the size and time of each path of the site (its files and their directories) as the
 *                       build cache found them, for the paths no build has written since; empty when not known
 */
public record RenderedSite(Path output, SiteSettings settings, KnowledgeBase kb,
                           Map<String, List<RelatedLink>> related, Set<String> files, Map<String, String> extraDigests,
                           Map<String, Set<Attachment>> attachments, Map<String, List<Diagnostic>> pageProblems,
                           Map<String, PathState> checked) {
    /**
     * Takes the collections as they are, read-only, rather than copies: whoever makes one hands over collections
     * it never touches again (the site builder does; copying 40,000 entries for 10,000 reports was a tenth of a
     * rebuild's render time).
     */
    public RenderedSite {
        related = Collections.unmodifiableMap(related);
        files = Collections.unmodifiableSet(files);
        extraDigests = Collections.unmodifiableMap(extraDigests);
        attachments = Collections.unmodifiableMap(attachments);
        pageProblems = Collections.unmodifiableMap(pageProblems);
        checked = Collections.unmodifiableMap(checked);
    }

    /** A path's size and modification time (in nanoseconds), as the build cache found them. */
    public record PathState(long size, long stamp) {
    }

    /**
     * {@link #checked} without the site paths in {@code written}, nor any directory holding one: writing, replacing
     * or removing a file changes its directory's time, and making or removing a directory its parent's.
     */
    Map<String, PathState> checkedBut(Set<String> written) {
        if (checked.isEmpty()) {
            return Map.of();
        }
        Map<String, PathState> unchanged = new HashMap<>(checked);
        for (String path : written) {
            for (String changed = path; changed != null; changed = parentOf(changed)) {
                unchanged.remove(changed);
            }
        }
        unchanged.remove(""); // the site's directory, also when nothing was written
        return unchanged;
    }

    /** The site path of the directory holding {@code sitePath}: "" for the site's own; {@code null} for "". */
    static String parentOf(String sitePath) {
        if (sitePath.isEmpty()) {
            return null;
        }
        int slash = sitePath.lastIndexOf('/');
        return slash < 0 ? "" : sitePath.substring(0, slash);
    }
}
