package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the knowledge base into a static site: every page through its template, the theme's assets,
 * the files reports link to. All or nothing: the output directory changes only when every page was
 * written (see {@link OutputDirectory}).
 */
public final class SiteBuilder {
    private final SiteSettings settings;

    public SiteBuilder(SiteSettings settings) {
        this.settings = settings;
    }

    /**
     * Builds the site for {@code kb} into {@code out}.
     *
     * @param sourceRoot the source directory, to resolve the files reports link to
     */
    public SiteResult build(KnowledgeBase kb, Path sourceRoot, Path out) {
        Diagnostics siteProblems = new Diagnostics("");
        Templates templates;
        try {
            templates = settings.templateDirectory() == null ? Templates.builtIn()
                    : Templates.withOverrides(settings.templateDirectory());
        } catch (Templates.TemplateProblem e) {
            siteProblems.report(DiagnosticCode.TEMPLATE_ERROR, 0, 0, e.getMessage(),
                    "fix the template, or remove it to use the built-in one");
            return new SiteResult(false, 0, siteProblems.list());
        }
        try (templates) {
            return render(kb, sourceRoot, out, templates, siteProblems);
        }
    }

    private SiteResult render(KnowledgeBase kb, Path sourceRoot, Path out, Templates templates,
                              Diagnostics siteProblems) {
        Messages messages = new Messages(settings.locale());
        Assets assets = new Assets();
        PageModels models = new PageModels(kb, settings, messages, assets);
        Map<String, String> idsByPath = new LinkedHashMap<>();
        kb.incidents().forEach(i -> idsByPath.put(i.source().path(), i.id()));
        LinkTargets links = new LinkTargets(sourceRoot, idsByPath);
        BodyRenderer bodies = new BodyRenderer(settings.allowRawHtml());
        List<Diagnostic> diagnostics = new ArrayList<>();
        int pages;
        try (OutputDirectory output = new OutputDirectory(out)) {
            PageWriter writer = new PageWriter(output, templates, messages);
            writer.write(SitePaths.HOME, "home.jte", models.home());
            writer.write(SitePaths.INCIDENTS, "incidents.jte", models.incidents());
            writer.write(SitePaths.LESSONS, "lessons.jte", models.lessons());
            writer.write(SitePaths.NOT_FOUND, "notFound.jte", models.notFound());
            for (TaxonomyKind kind : TaxonomyKind.values()) {
                writer.write(SitePaths.taxonomyIndex(kind), "taxonomyIndex.jte", models.taxonomyIndex(kind));
                for (TaxonomyTerm term : kb.taxonomy(kind).terms()) {
                    writer.write(SitePaths.term(kind, term.slug()), "taxonomy.jte", models.term(kind, term));
                }
            }
            // Incident pages are independent of each other: render them on all cores, each with its own
            // diagnostics, merged in a stable order afterwards. A page that fails must not end the stream
            // early: the other pages would go on writing into the staging directory while it is removed.
            List<RenderedIncident> perIncident = kb.incidents().parallelStream().map(incident -> {
                Diagnostics found = new Diagnostics(incident.source().path());
                try {
                    String body = bodies.render(incident, links, found);
                    writer.write(SitePaths.incident(incident.id()), "incident.jte", models.incident(incident, body, links));
                    return new RenderedIncident(found.list(), null);
                } catch (RuntimeException e) {
                    return new RenderedIncident(found.list(), e);
                }
            }).toList();
            for (RenderedIncident rendered : perIncident) {
                if (rendered.failure() != null) {
                    throw rendered.failure();
                }
                diagnostics.addAll(rendered.diagnostics());
            }
            for (Map.Entry<String, byte[]> asset : assets.files().entrySet()) {
                output.write(asset.getKey(), asset.getValue());
            }
            for (Map.Entry<String, Attachment> attachment : links.attachments()) {
                output.copy(attachment.getValue().source(), attachment.getKey());
            }
            pages = writer.pages();
            output.commit();
        } catch (IOException | UncheckedIOException e) {
            siteProblems.report(DiagnosticCode.OUTPUT_ERROR, 0, 0, "the site was not written: " + e.getMessage(),
                    "the previous site in " + out + " is unchanged; fix the cause and build again");
            diagnostics.addAll(siteProblems.list());
            return new SiteResult(false, 0, sorted(diagnostics));
        } catch (RuntimeException e) {
            // A custom template failing on one page: the whole build stops, the old site stays.
            siteProblems.report(DiagnosticCode.TEMPLATE_ERROR, 0, 0, "rendering failed: " + describe(e),
                    "the previous site in " + out + " is unchanged; fix the template and build again");
            diagnostics.addAll(siteProblems.list());
            return new SiteResult(false, 0, sorted(diagnostics));
        }
        return new SiteResult(true, pages, sorted(diagnostics));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root + ")" : "");
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> copy = new ArrayList<>(diagnostics);
        copy.sort(Diagnostic.IN_FILE_ORDER);
        return copy;
    }

    /** One incident page's findings, or why it could not be written. */
    private record RenderedIncident(List<Diagnostic> diagnostics, RuntimeException failure) {
    }

    /** Renders pages into the output directory and counts them; safe to call from several threads. */
    private static final class PageWriter {
        private final OutputDirectory output;
        private final Templates templates;
        private final Messages messages;
        private final java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();

        PageWriter(OutputDirectory output, Templates templates, Messages messages) {
            this.output = output;
            this.templates = templates;
            this.messages = messages;
        }

        void write(String sitePath, String template, Object page) {
            String html = templates.render(template, page, messages);
            try {
                output.write(sitePath, html.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pages.incrementAndGet();
        }

        int pages() {
            return pages.get();
        }
    }

}
