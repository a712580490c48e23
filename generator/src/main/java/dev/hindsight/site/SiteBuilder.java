package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.kb.Breakdown;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.model.Incident;
import dev.hindsight.parallel.Workers;
import dev.hindsight.site.page.BodyHtml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Renders the knowledge base into a static site: every page through its template, the theme's assets,
 * the files reports link to. All or nothing: the output directory changes only when every page was
 * written (see {@link OutputDirectory}).
 */
public final class SiteBuilder {
    private final SiteSettings settings;
    private final RenderedBodies renderedBodies;
    private final long sharedRows;

    public SiteBuilder(SiteSettings settings) {
        this(settings, RenderedBodies.none(), 0);
    }

    /**
     * @param renderedBodies bodies rendered while the reports loaded, taken by their pages (once)
     * @param sharedRows     how many bytes of incident rows the taxonomy pages may share ({@link SharedIncidentRows})
     */
    public SiteBuilder(SiteSettings settings, RenderedBodies renderedBodies, long sharedRows) {
        this.settings = settings;
        this.renderedBodies = renderedBodies.rendersFor(settings) ? renderedBodies : RenderedBodies.none();
        this.sharedRows = sharedRows;
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
        return build(kb, sourceRoot, out, extras, related, null);
    }

    /**
     * Builds the site; given what the previous build wrote into {@code out} ({@code null}: nothing known), renders
     * only the pages the changes between its knowledge base and {@code kb} touch, and writes only files whose
     * content changed, in place. The result is the same site a full build gives.
     */
    public SiteResult build(KnowledgeBase kb, Path sourceRoot, Path out, List<ExtraFile> extras,
                            Map<String, List<RelatedLink>> related, RenderedSite previous) {
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
            Optional<PageDependencies> dependencies = previous == null || !previous.settings().equals(settings)
                    || !previous.output().equals(out.toAbsolutePath().normalize()) ? Optional.empty()
                    : PageDependencies.between(previous, kb, related);
            return render(kb, sourceRoot, out, extras, related, templates, siteProblems,
                    dependencies.isPresent() ? previous : null, dependencies.orElse(null));
        }
    }

    private SiteResult render(KnowledgeBase kb, Path sourceRoot, Path out, List<ExtraFile> extras,
                              Map<String, List<RelatedLink>> related, Templates templates,
                              Diagnostics siteProblems, RenderedSite previous, PageDependencies changes) {
        boolean full = previous == null;
        Messages messages = new Messages(settings.locale());
        Assets assets = new Assets();
        // Files at the site root are the exports people download; deeper ones (the search index) are data
        // for programs, not for the home page's list.
        PageModels models = new PageModels(kb, settings, messages, assets,
                extras.stream().map(ExtraFile::sitePath).filter(p -> !p.contains("/")).toList(),
                SharedIncidentRows.unshared(templates),
                new SharedIncidentRows(templates, sharedRows));
        ActionPageModels actions = new ActionPageModels(kb, messages, models);
        MetricsPageModels metrics = new MetricsPageModels(kb, messages, models);
        CalendarPageModels calendar = new CalendarPageModels(kb, messages, models);
        Map<String, String> idsByPath = new LinkedHashMap<>();
        kb.incidents().forEach(i -> idsByPath.put(i.source().path(), i.id()));
        LinkTargets links = new LinkTargets(sourceRoot, idsByPath);
        BodyRenderer bodies = new BodyRenderer(settings.allowRawHtml());
        List<Diagnostic> diagnostics = new ArrayList<>();
        int pages;
        RenderedSite rendered;
        try (OutputDirectory output = full ? new OutputDirectory(out) : OutputDirectory.inPlace(out)) {
            PageWriter writer = new PageWriter(output, templates, messages);
            Jobs jobs = new Jobs();
            boolean sitewide = full || changes.anyListed();
            jobs.page(SitePaths.HOME, sitewide, () -> writer.write(SitePaths.HOME, "home.jte",
                    models.home(calendar.onThisDay(SitePaths.HOME), calendar.cards(SitePaths.HOME))));
            jobs.page(SitePaths.INCIDENTS, sitewide, () -> writer.write(SitePaths.INCIDENTS, "incidents.jte",
                    models.incidents(calendar.links(SitePaths.INCIDENTS))));
            jobs.page(SitePaths.LESSONS, sitewide, () -> writer.write(SitePaths.LESSONS, "lessons.jte", models.lessons()));
            String searchVersion = searchDataVersion(extras);
            jobs.page(SitePaths.SEARCH, full || !Objects.equals(searchVersion, previous.extraDigests().get(SEARCH_VERSION)),
                    () -> writer.write(SitePaths.SEARCH, "search.jte", models.search(searchVersion)));
            jobs.page(SitePaths.NOT_FOUND, full, () -> writer.write(SitePaths.NOT_FOUND, "notFound.jte", models.notFound()));
            jobs.page(SitePaths.ACTIONS, sitewide, () -> writer.write(SitePaths.ACTIONS, "actions.jte", actions.index()));
            jobs.page(SitePaths.OVERDUE_ACTIONS, sitewide, () -> writer.write(SitePaths.OVERDUE_ACTIONS,
                    "actionsOverdue.jte", actions.overdue()));
            jobs.page(SitePaths.ACTION_OWNERS, sitewide, () -> writer.write(SitePaths.ACTION_OWNERS, "actionOwners.jte",
                    actions.ownerIndex()));
            jobs.page(SitePaths.ANNIVERSARIES, sitewide, () -> writer.write(SitePaths.ANNIVERSARIES, "anniversaries.jte",
                    calendar.anniversaries()));
            jobs.page(SitePaths.CALENDAR, sitewide, () -> writer.write(SitePaths.CALENDAR, "calendar.jte",
                    calendar.index()));
            for (int year : calendar.years()) {
                jobs.page(SitePaths.calendarYear(year), full || changes.yearPage(year), () -> writer.write(
                        SitePaths.calendarYear(year), "calendar.jte", calendar.year(year)));
            }
            for (Breakdown owner : actions.owners()) {
                jobs.page(actions.ownerPath(owner), full || changes.ownerPage(owner.key()), () -> writer.write(
                        actions.ownerPath(owner), "actionOwner.jte", actions.owner(owner)));
            }
            // Metrics count, time and rate everything: any listed change may move any figure.
            jobs.page(SitePaths.METRICS, sitewide, () -> writer.write(SitePaths.METRICS, "metrics.jte", metrics.all()));
            for (int year : metrics.years()) {
                jobs.page(SitePaths.metricsOfYear(year), sitewide, () -> writer.write(SitePaths.metricsOfYear(year),
                        "metrics.jte", metrics.year(year)));
            }
            for (TaxonomyTerm service : metrics.services()) {
                jobs.page(SitePaths.metricsOfService(service.slug()), sitewide, () -> writer.write(
                        SitePaths.metricsOfService(service.slug()), "metrics.jte", metrics.service(service)));
            }
            for (TaxonomyKind kind : TaxonomyKind.values()) {
                jobs.page(SitePaths.taxonomyIndex(kind), sitewide, () -> writer.write(SitePaths.taxonomyIndex(kind),
                        "taxonomyIndex.jte", models.taxonomyIndex(kind)));
                for (TaxonomyTerm term : kb.taxonomy(kind).terms()) {
                    jobs.page(SitePaths.term(kind, term.slug()), full || changes.termPage(kind, term), () -> writer.write(
                            SitePaths.term(kind, term.slug()), "taxonomy.jte", models.term(kind, term)));
                }
            }
            Set<String> renderedIncidents = ConcurrentHashMap.newKeySet();
            for (Incident incident : kb.incidents()) {
                List<RelatedLink> similar = related.getOrDefault(incident.id(), List.of());
                String path = SitePaths.incident(incident.id());
                jobs.add(new PageJob(path, incident.source().path(), full || changes.incidentPage(incident, similar),
                        found -> {
                            renderedIncidents.add(incident.id());
                            BodyHtml body = renderedBodies.take(incident);
                            if (body == null) {
                                body = BodyHtml.of(bodies.render(incident, links, found));
                            }
                            writer.write(path, "incident.jte", models.incident(incident, body, links, similar));
                        }));
            }
            // Exports and search data are written alongside the pages rather than after them: the largest
            // (incidents.json) takes seconds on one core that would otherwise idle. A rebuild writes those given
            // as bytes only when their bytes changed, the streamed exports when a report changed in more than
            // its Markdown text (which no export holds).
            Map<String, String> extraDigests = new HashMap<>();
            extraDigests.put(SEARCH_VERSION, String.valueOf(searchVersion));
            // The files of one directory (the search data: thousands of small files) are written by one job, one
            // after the other: two threads creating files in one directory wait for its lock, spinning (on ext4, 5%
            // of a 10,000-report build's CPU). Each file at the root (an export, large) is a job of its own.
            Map<String, List<ExtraFile>> byDirectory = new LinkedHashMap<>();
            for (ExtraFile extra : extras) {
                String path = extra.sitePath();
                int slash = path.lastIndexOf('/');
                String directory = slash < 0 ? path : path.substring(0, slash + 1);
                byDirectory.computeIfAbsent(directory, d -> new ArrayList<>()).add(extra);
            }
            for (Map.Entry<String, List<ExtraFile>> directory : byDirectory.entrySet()) {
                List<ExtraFile> toWrite = new ArrayList<>();
                for (ExtraFile extra : directory.getValue()) {
                    boolean write = full || changes.anyExported();
                    if (extra.content() instanceof ExtraFile.Bytes bytes) {
                        String digest = ExtraDigests.of(bytes.bytes());
                        extraDigests.put(extra.sitePath(), digest);
                        write = full || !digest.equals(previous.extraDigests().get(extra.sitePath()));
                    }
                    if (write) {
                        toWrite.add(extra);
                    }
                }
                jobs.first(new PageJob(directory.getKey(), "", !toWrite.isEmpty(), found -> {
                    try {
                        for (ExtraFile extra : toWrite) {
                            output.write(extra.sitePath(), extra.content());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }), directory.getValue().stream().map(ExtraFile::sitePath).toList());
            }
            // Pages are independent of each other: render them on all cores, each with its own diagnostics,
            // merged in a stable order afterwards. A page that fails must not end the stream early: the
            // other pages would go on writing into the staging directory while it is removed.
            Map<String, List<Diagnostic>> pageProblems = new HashMap<>();
            for (PageJob job : jobs.all()) {
                if (!job.render() && previous.pageProblems().containsKey(job.sitePath())) {
                    pageProblems.put(job.sitePath(), previous.pageProblems().get(job.sitePath()));
                }
            }
            List<PageJob.Outcome> outcomes = runAll(jobs.toRender());
            for (PageJob.Outcome outcome : outcomes) {
                if (outcome.failure() != null) {
                    throw outcome.failure();
                }
                if (!outcome.diagnostics().isEmpty()) {
                    pageProblems.put(outcome.sitePath(), outcome.diagnostics());
                }
            }
            for (PageJob job : jobs.all()) {
                diagnostics.addAll(pageProblems.getOrDefault(job.sitePath(), List.of()));
            }
            Set<String> files = new HashSet<>(jobs.paths());
            if (full) {
                for (Map.Entry<String, byte[]> asset : assets.files().entrySet()) {
                    output.write(asset.getKey(), asset.getValue());
                }
            }
            files.addAll(assets.files().keySet());
            // Files linked from pages not rendered this time are those the previous build published for them.
            Map<String, Set<Attachment>> attachments = new HashMap<>(links.attachmentsByIncident());
            if (!full) {
                previous.attachments().forEach((id, linked) -> {
                    if (!renderedIncidents.contains(id)) {
                        attachments.put(id, linked);
                    }
                });
            }
            Map<String, Attachment> toCopy = new TreeMap<>();
            attachments.values().forEach(set -> set.forEach(a -> toCopy.put(a.sitePath(), a)));
            for (Attachment attachment : toCopy.values()) {
                output.copy(attachment.source(), attachment.sitePath());
            }
            files.addAll(toCopy.keySet());
            if (settings.baseUrl() != null) {
                if (full || changes.anyChanged()) {
                    output.write(SitePaths.SITEMAP, Sitemap.xml(settings.baseUrl(), jobs.pagePaths(),
                            Sitemap.incidentDates(kb)));
                }
                files.add(SitePaths.SITEMAP);
            }
            if (!full) {
                for (String gone : previous.files()) {
                    if (!files.contains(gone)) {
                        output.delete(gone);
                    }
                }
            }
            pages = writer.pages();
            output.commit();
            rendered = new RenderedSite(out.toAbsolutePath().normalize(), settings, kb, related, files, extraDigests,
                    attachments, pageProblems, full ? Map.of() : previous.checkedBut(output.written()));
        } catch (OutputDirectory.LockedException e) {
            siteProblems.report(DiagnosticCode.OUTPUT_LOCKED, 0, 0, "the site was not written: " + e.getMessage(),
                    "wait for the other build to finish, or give this one another output directory");
            diagnostics.addAll(siteProblems.list());
            return new SiteResult(false, 0, sorted(diagnostics));
        } catch (IOException | UncheckedIOException e) {
            reportNotWritten(siteProblems, out, e.getMessage());
            diagnostics.addAll(siteProblems.list());
            return new SiteResult(false, 0, sorted(diagnostics));
        } catch (RuntimeException e) {
            // A custom template failing on one page: the whole build stops, the old site stays.
            siteProblems.report(DiagnosticCode.TEMPLATE_ERROR, 0, 0, "rendering failed: " + describe(e),
                    "the previous site in " + out + " is unchanged; fix the template and build again");
            diagnostics.addAll(siteProblems.list());
            return new SiteResult(false, 0, sorted(diagnostics));
        }
        return new SiteResult(true, pages, sorted(diagnostics), rendered);
    }

    /** Reports that the site in {@code out} was not written because of a file-system problem ({@code why}). */
    public static void reportNotWritten(Diagnostics problems, Path out, String why) {
        problems.report(DiagnosticCode.OUTPUT_ERROR, 0, 0, "the site was not written: " + why,
                "the previous site in " + out + " is unchanged; fix the cause and build again");
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

    /** The key under which {@link RenderedSite#extraDigests()} keeps the search data's version. */
    private static final String SEARCH_VERSION = "";

    /**
     * One file to write (or, for extras, one directory's files: {@code sitePath} ends with '/'): its site path, what
     * it is about (for its diagnostics), whether this build renders it and how. Failures are caught and returned,
     * so that every job finishes before the first failure is rethrown.
     */
    private record PageJob(String sitePath, String sourcePath, boolean render, Consumer<Diagnostics> work) {
        Outcome run() {
            Diagnostics found = new Diagnostics(sourcePath);
            try {
                work.accept(found);
                return new Outcome(sitePath, found.list(), null);
            } catch (RuntimeException e) {
                return new Outcome(sitePath, found.list(), e);
            }
        }

        record Outcome(String sitePath, List<Diagnostic> diagnostics, RuntimeException failure) {
        }
    }

    /**
     * Runs the jobs on every core and gives their outcomes in the jobs' order. The exports and the site-wide pages
     * (the heaviest jobs) come first, so that the incident pages even out the end.
     */
    private static List<PageJob.Outcome> runAll(List<PageJob> jobs) {
        return Workers.map("hindsight-render", jobs, PageJob::run);
    }

    /** Every file of the site in the order they are started, and which of them this build renders. */
    private static final class Jobs {
        private final List<PageJob> leading = new ArrayList<>();
        private final List<String> leadingFiles = new ArrayList<>();
        private final List<PageJob> jobs = new ArrayList<>();
        private final List<String> pagePaths = new ArrayList<>();

        void page(String sitePath, boolean render, Runnable work) {
            add(new PageJob(sitePath, "", render, found -> work.run()));
        }

        void add(PageJob job) {
            jobs.add(job);
            pagePaths.add(job.sitePath());
        }

        /** A job started before the pages, in the order given (the large exports first), writing {@code files}. */
        void first(PageJob job, List<String> files) {
            leading.add(job);
            leadingFiles.addAll(files);
        }

        List<PageJob> all() {
            List<PageJob> all = new ArrayList<>(leading);
            all.addAll(jobs);
            return all;
        }

        List<PageJob> toRender() {
            return all().stream().filter(PageJob::render).toList(); // a full build marks every job
        }

        /** Every file the jobs write. */
        List<String> paths() {
            List<String> paths = new ArrayList<>(leadingFiles);
            jobs.forEach(job -> paths.add(job.sitePath()));
            return paths;
        }

        /** The HTML pages, rendered this time or not (the sitemap lists them all). */
        List<String> pagePaths() {
            return pagePaths;
        }
    }

    /**
     * Renders pages into the output directory and counts them; safe to call from several threads.
     */
    private static final class PageWriter {
        private final OutputDirectory output;
        private final Templates templates;
        private final Messages messages;
        private final AtomicInteger pages = new AtomicInteger();

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
        }

        int pages() {
            return pages.get();
        }
    }

}
