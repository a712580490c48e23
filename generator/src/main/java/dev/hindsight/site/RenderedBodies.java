package dev.hindsight.site;

import dev.hindsight.model.DeflatedText;
import dev.hindsight.model.Incident;
import org.commonmark.node.Node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Report bodies rendered to HTML while the reports load, from the tree the loader parsed, each kept deflated until
 * its page takes it. Parsing was a tenth of a full build's CPU samples, twice over: once to load a report, once to
 * render its page (profile of 10,000 reports). A body with a link that needs the other reports or the source
 * directory ({@link LinkTargets}) is not rendered here, nor one the loader took from its cache: its page parses it
 * as before. Thread-safe.
 */
public final class RenderedBodies {
    private static final RenderedBodies NONE = new RenderedBodies(null, false);

    /** Renders as the site's pages do; {@code null} keeps nothing. */
    private final BodyRenderer renderer;
    private final boolean allowRawHtml;
    /** By report path: the Markdown rendered, to tell a body changed since, and its HTML. */
    private final Map<String, Rendered> byPath = new ConcurrentHashMap<>();

    private record Rendered(DeflatedText markdown, DeflatedText html) {
    }

    private RenderedBodies(BodyRenderer renderer, boolean allowRawHtml) {
        this.renderer = renderer;
        this.allowRawHtml = allowRawHtml;
    }

    /** Bodies rendered as the site of {@code settings} renders them. */
    public static RenderedBodies of(SiteSettings settings) {
        return new RenderedBodies(new BodyRenderer(settings.allowRawHtml()), settings.allowRawHtml());
    }

    /** Keeps no body: every page parses its own. */
    public static RenderedBodies none() {
        return NONE;
    }

    /**
     * Renders the body of {@code incident}, parsed as {@code document}, if it needs nothing but itself (a
     * {@code dev.hindsight.load.BodyListener}). Never throws: a body that fails here is rendered by its page, which
     * reports what is wrong with it.
     */
    public void parsed(Incident incident, Node document) {
        if (renderer == null) {
            return;
        }
        try {
            String html = renderer.renderAlone(document, incident);
            if (html != null) {
                byPath.put(incident.source().path(), new Rendered(incident.source().body(), DeflatedText.of(html)));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // left to the page
        }
    }

    /** Whether the bodies are rendered as the site of {@code settings} renders its pages. */
    boolean rendersFor(SiteSettings settings) {
        return renderer != null && allowRawHtml == settings.allowRawHtml();
    }

    /**
     * The HTML of {@code incident}'s body, let go of here; {@code null} when it was not rendered, or its body is not
     * the one rendered.
     */
    String take(Incident incident) {
        Rendered rendered = byPath.remove(incident.source().path());
        return rendered != null && rendered.markdown().equals(incident.source().body()) ? rendered.html().text() : null;
    }
}
