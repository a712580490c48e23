package dev.hindsight.site;

import dev.hindsight.model.DeflatedText;
import dev.hindsight.model.Incident;
import dev.hindsight.site.page.BodyHtml;
import org.commonmark.node.Node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Report bodies rendered to HTML while the reports load, from the tree the loader parsed, each kept (deflated in the
 * heap, or in a one-off build's spill directory) until its page takes it. Parsing was a tenth of a full build's CPU
 * samples, twice over: once to load a report, once to render its page (profile of 10,000 reports). A body with a
 * link that needs the other reports or the source directory ({@link LinkTargets}) is not rendered here, nor one the
 * loader took from its cache: its page parses it as before. Thread-safe.
 */
public final class RenderedBodies {
    private static final RenderedBodies NONE = new RenderedBodies(null, false, null, 0);

    /** Renders as the site's pages do; {@code null} keeps nothing. */
    private final BodyRenderer renderer;
    private final boolean allowRawHtml;
    /** Where the HTML waits; {@code null}: deflated in the heap. */
    private final SpillDirectory spill;
    /**
     * How many deflated bytes of HTML may wait in the heap: about 10,000 reports' worth. A build that keeps its
     * state for the next (the preview server, {@code build --cache}) has no spill directory, and its first build
     * parses every report; the bodies past this are parsed again by their pages, as before.
     */
    static final long HEAP_BUDGET = 32L * 1024 * 1024;
    private final long budget;
    private final AtomicLong inHeap = new AtomicLong();
    /** By report path: the Markdown rendered, to tell a body changed since, and its HTML. */
    private final Map<String, Rendered> byPath = new ConcurrentHashMap<>();

    /**
     * A body's Markdown and its HTML: deflated in the heap, or as UTF-8 in the spill directory's pack. The pack takes
     * the HTML as it is: deflating and inflating it again was 3% of a full build's CPU (zlib, which JFR does not
     * see; perf did), where writing three times the bytes into a file costs the kernel a few tens of milliseconds.
     */
    private record Rendered(DeflatedText markdown, DeflatedText html, ExtraFile spilled) {
        BodyHtml body() {
            if (html != null) {
                return new BodyHtml(html.utf8());
            }
            ByteArrayOutputStream utf8 = new ByteArrayOutputStream(16 * 1024);
            try {
                spilled.content().writeTo(utf8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BodyHtml(utf8.toByteArray());
        }
    }

    private RenderedBodies(BodyRenderer renderer, boolean allowRawHtml, SpillDirectory spill, long budget) {
        this.renderer = renderer;
        this.allowRawHtml = allowRawHtml;
        this.spill = spill;
        this.budget = budget;
    }

    /** Bodies rendered as the site of {@code settings} renders them, kept in the heap up to {@link #HEAP_BUDGET}. */
    public static RenderedBodies of(SiteSettings settings) {
        return inHeap(settings, HEAP_BUDGET);
    }

    static RenderedBodies inHeap(SiteSettings settings, long budget) {
        return new RenderedBodies(new BodyRenderer(settings.allowRawHtml()), settings.allowRawHtml(), null, budget);
    }

    /**
     * Bodies rendered as the site of {@code settings} renders them, kept in {@code spill}: those of 50,000 reports
     * are about 70 MB even deflated, which a 1 GB heap could not spare while the site renders (the build spent a
     * minute in full collections).
     */
    public static RenderedBodies spilledInto(SiteSettings settings, SpillDirectory spill) {
        return new RenderedBodies(new BodyRenderer(settings.allowRawHtml()), settings.allowRawHtml(),
                Objects.requireNonNull(spill, "spill"), 0);
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
            if (html == null) {
                return;
            }
            String path = incident.source().path();
            if (spill != null) {
                byPath.put(path, new Rendered(incident.source().body(), null,
                        spill.spill(path, html.getBytes(StandardCharsets.UTF_8))));
            } else {
                DeflatedText deflated = DeflatedText.of(html);
                if (inHeap.addAndGet(deflated.deflatedSize()) <= budget) {
                    byPath.put(path, new Rendered(incident.source().body(), deflated, null));
                }
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
    BodyHtml take(Incident incident) {
        Rendered rendered = byPath.remove(incident.source().path());
        if (rendered == null || !rendered.markdown().equals(incident.source().body())) {
            return null;
        }
        try {
            return rendered.body();
        } catch (RuntimeException e) {
            return null; // the spill could not be read back: the page renders the body from its Markdown
        }
    }
}
