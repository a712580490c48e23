package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.kb.Breakdown;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.model.Incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
        return build(kb, sourceRoot, out, List.of());
    }

    /**
     * Builds the site for {@code kb} into {@code out}, with other outputs' files beside the pages.
     *
     * @param sourceRoot the source directory, to resolve the files reports link to
     * @param extras     files written into the site as they are (exports), in the same atomic swap
     */
    public SiteResult build(KnowledgeBase kb, Path sourceRoot, Path out, List<ExtraFile> extras) {
        return build(kb, sourceRoot, out, extras, Map.of());
    }

    /**
     * Builds the site with exports beside the pages and, on each incident page, its related incidents.
     *
     * @param related by incident id, the similar incidents the search stage found (missing: none)
     */
    public SiteResult build(KnowledgeBase kb, Path sourceRoot, Path out, List<ExtraFile> extras,
                            Map<String, List<RelatedLink>> related) {
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
            return render(kb, sourceRoot, out, extras, related, templates, siteProblems);
        }
    }

    private SiteResult render(KnowledgeBase kb, Path sourceRoot, Path out, List<ExtraFile> extras,
                              Map<String, List<RelatedLink>> related, Templates templates,
                              Diagnostics siteProblems) {
        Messages messages = new Messages(settings.locale());
        Assets assets = new Assets();
        // Files at the site root are the exports people download; deeper ones (the search index) are data
        // for programs, not for the home page's list.
        PageModels models = new PageModels(kb, settings, messages, assets,
                extras.stream().map(ExtraFile::sitePath).filter(p -> !p.contains("/")).toList());
        ActionPageModels actions = new ActionPageModels(kb, messages, models);
        MetricsPageModels metrics = new MetricsPageModels(kb, messages, models);
        CalendarPageModels calendar = new CalendarPageModels(kb, messages, models);
        Map<String, String> idsByPath = new LinkedHashMap<>();
        kb.incidents().forEach(i -> idsByPath.put(i.source().path(), i.id()));
        LinkTargets links = new LinkTargets(sourceRoot, idsByPath);
        BodyRenderer bodies = new BodyRenderer(settings.allowRawHtml());
        List<Diagnostic> diagnostics = new ArrayList<>();
        int pages;
        try (OutputDirectory output = new OutputDirectory(out)) {
            PageWriter writer = new PageWriter(output, templates, messages);
            List<PageJob> jobs = new ArrayList<>();
            jobs.add(PageJob.page(() -> writer.write(SitePaths.HOME, "home.jte",
                    models.home(calendar.onThisDay(SitePaths.HOME), calendar.cards(SitePaths.HOME)))));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.INCIDENTS, "incidents.jte",
                    models.incidents(calendar.links(SitePaths.INCIDENTS)))));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.LESSONS, "lessons.jte", models.lessons())));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.SEARCH, "search.jte",
                    models.search(searchDataVersion(extras)))));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.NOT_FOUND, "notFound.jte", models.notFound())));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.ACTIONS, "actions.jte", actions.index())));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.OVERDUE_ACTIONS, "actionsOverdue.jte",
                    actions.overdue())));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.ACTION_OWNERS, "actionOwners.jte",
                    actions.ownerIndex())));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.ANNIVERSARIES, "anniversaries.jte",
                    calendar.anniversaries())));
            jobs.add(PageJob.page(() -> writer.write(SitePaths.CALENDAR, "calendar.jte", calendar.index())));
            for (int year : calendar.years()) {
                jobs.add(PageJob.page(() -> writer.write(SitePaths.calendarYear(year), "calendar.jte",
                        calendar.year(year))));
            }
            for (Breakdown owner : actions.owners()) {
                jobs.add(PageJob.page(() -> writer.write(actions.ownerPath(owner), "actionOwner.jte",
                        actions.owner(owner))));
            }
            jobs.add(PageJob.page(() -> writer.write(SitePaths.METRICS, "metrics.jte", metrics.all())));
            for (int year : metrics.years()) {
                jobs.add(PageJob.page(() -> writer.write(SitePaths.metricsOfYear(year), "metrics.jte",
                        metrics.year(year))));
            }
            for (TaxonomyTerm service : metrics.services()) {
                jobs.add(PageJob.page(() -> writer.write(SitePaths.metricsOfService(service.slug()), "metrics.jte",
                        metrics.service(service))));
            }
            for (TaxonomyKind kind : TaxonomyKind.values()) {
                jobs.add(PageJob.page(() -> writer.write(SitePaths.taxonomyIndex(kind), "taxonomyIndex.jte",
                        models.taxonomyIndex(kind))));
                for (TaxonomyTerm term : kb.taxonomy(kind).terms()) {
                    jobs.add(PageJob.page(() -> writer.write(SitePaths.term(kind, term.slug()), "taxonomy.jte",
                            models.term(kind, term))));
                }
            }
            for (Incident incident : kb.incidents()) {
                jobs.add(new PageJob(incident.source().path(), found -> {
                    String body = bodies.render(incident, links, found);
                    writer.write(SitePaths.incident(incident.id()), "incident.jte",
                            models.incident(incident, body, links, related.getOrDefault(incident.id(), List.of())));
                }));
            }
            // Exports and search data are written alongside the pages rather than after them: the largest
            // (incidents.json) takes seconds on one core that would otherwise idle.
            for (ExtraFile extra : extras) {
                jobs.add(0, PageJob.page(() -> {
                    try {
                        output.write(extra.sitePath(), extra.content());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            // Pages are independent of each other: render them on all cores, each with its own diagnostics,
            // merged in a stable order afterwards. A page that fails must not end the stream early: the
            // other pages would go on writing into the staging directory while it is removed.
            List<PageJob.Outcome> outcomes = jobs.parallelStream().map(PageJob::run).toList();
            for (PageJob.Outcome outcome : outcomes) {
                if (outcome.failure() != null) {
                    throw outcome.failure();
                }
                diagnostics.addAll(outcome.diagnostics());
            }
            for (Map.Entry<String, byte[]> asset : assets.files().entrySet()) {
                output.write(asset.getKey(), asset.getValue());
            }
            for (Map.Entry<String, Attachment> attachment : links.attachments()) {
                output.copy(attachment.getValue().source(), attachment.getKey());
            }
            if (settings.baseUrl() != null) {
                output.write(SitePaths.SITEMAP, Sitemap.xml(settings.baseUrl(), writer.written(),
                        Sitemap.incidentDates(kb)));
            }
            pages = writer.pages();
            output.commit();
        } catch (OutputDirectory.LockedException e) {
            siteProblems.report(DiagnosticCode.OUTPUT_LOCKED, 0, 0, "the site was not written: " + e.getMessage(),
                    "wait for the other build to finish, or give this one another output directory");
            diagnostics.addAll(siteProblems.list());
            return new SiteResult(false, 0, sorted(diagnostics));
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

    /** A digest of the search engine's entry data file among the extras, {@code null} when there is none. */
    private static String searchDataVersion(List<ExtraFile> extras) {
        return extras.stream().filter(e -> e.sitePath().equals(SitePaths.SEARCH_DATA)).findFirst()
                .map(e -> e.content() instanceof ExtraFile.Bytes bytes ? Assets.hash(bytes.bytes()) : null)
                .orElse(null);
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

    /**
     * One page to render: what it is about (for its diagnostics) and how to render it. Failures are
     * caught and returned, so that every job finishes before the first failure is rethrown.
     */
    private record PageJob(String sourcePath, Consumer<Diagnostics> render) {
        static PageJob page(Runnable render) {
            return new PageJob("", found -> render.run());
        }

        Outcome run() {
            Diagnostics found = new Diagnostics(sourcePath);
            try {
                render.accept(found);
                return new Outcome(found.list(), null);
            } catch (RuntimeException e) {
                return new Outcome(found.list(), e);
            }
        }

        record Outcome(List<Diagnostic> diagnostics, RuntimeException failure) {
        }
    }

    /**
     * Renders pages into the output directory, counts them and remembers their paths (for the sitemap,
     * which so lists every page type without knowing them); safe to call from several threads.
     */
    private static final class PageWriter {
        private final OutputDirectory output;
        private final Templates templates;
        private final Messages messages;
        private final java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.Queue<String> written = new java.util.concurrent.ConcurrentLinkedQueue<>();

        PageWriter(OutputDirectory output, Templates templates, Messages messages) {
            this.output = output;
            this.templates = templates;
            this.messages = messages;
        }

        void write(String sitePath, String template, Object page) {
            try {
                output.write(sitePath, out -> templates.render(template, page, messages, out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pages.incrementAndGet();
            written.add(sitePath);
        }

        /** The site paths of the pages written so far, in no particular order. */
        List<String> written() {
            return List.copyOf(written);
        }

        int pages() {
            return pages.get();
        }
    }

}
