package dev.hindsight.load;

import dev.hindsight.model.Incident;
import org.commonmark.node.Node;

/**
 * Told of each report body the loader parsed, on the loading thread, once the incident is made of it: the site
 * renders the body's HTML from this tree while the reports load on every core, rather than parsing each body a
 * second time when its page is written. The tree is the listener's to change; the loader is done with it. A
 * listener must not throw: the loader would take it for a report it cannot read.
 */
@FunctionalInterface
public interface BodyListener {
    /** Listens to nothing. */
    BodyListener NONE = (incident, document) -> {
    };

    /**
     * @param incident the incident as loaded
     * @param document its body, parsed as commonmark-java's {@code Parser} with the GFM tables, task list items,
     *                 autolink and footnotes extensions and block source spans parses it
     */
    void parsed(Incident incident, Node document);
}
