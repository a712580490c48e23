package dev.hindsight.build;

import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.export.ExportContext;
import dev.hindsight.export.Exports;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportCache;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import dev.hindsight.search.IncidentIndex;
import dev.hindsight.search.RelatedIncident;
import dev.hindsight.search.RelatedIncidents;
import dev.hindsight.search.StaticSearchExport;
import dev.hindsight.site.ExtraFile;
import dev.hindsight.site.RelatedLink;
import dev.hindsight.site.RenderedBodies;
import dev.hindsight.site.RenderedSite;
import dev.hindsight.site.SiteBuilder;
import dev.hindsight.site.SitePaths;
import dev.hindsight.site.SpillDirectory;
import dev.hindsight.site.SiteResult;
import dev.hindsight.site.SiteSettings;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a build: loads the reports (bad ones are left out with their diagnostics), builds the knowledge
 * base as of the request's date, renders the exports and the site, and writes both in one atomic step
 * so that pages and exports always describe the same reports.
 */
public final class SiteGeneration {
    /** How many similar incidents each incident page lists. */
    static final int RELATED_PER_INCIDENT = 5;
    /**
     * Where the search data links each incident: the same for an export, its updates and one restored from the
     * build cache, whose update must write what this process's would.
     */
    static final Function<Incident, String> INCIDENT_PAGE = incident -> SitePaths.incident(incident.id());

    private SiteGeneration() {
    }

    public static BuildResult run(BuildRequest request) {
        return run(request, BuildListener.SILENT);
    }

    /** Runs a build, telling {@code listener} when each phase starts and ends. */
    public static BuildResult run(BuildRequest request, BuildListener listener) {
        return run(request, listener, null);
    }

    /**
     * Runs a build that re-parses only the reports whose bytes changed since the builds that filled
     * {@code cache} (the preview server keeps one across its rebuilds); {@code null} parses every report.
     */
    public static BuildResult run(BuildRequest request, BuildListener listener, ReportCache cache) {
        return generate(request, listener, cache, () -> null, false).result();
    }

    /** A build's result and what the next build of the same reports can reuse. */
    record Generated(BuildResult result, IncidentIndex index, StaticSearchExport search, RelatedIncidents related) {
    }

    /**
     * Runs a build; given the previous build of the same request in this process ({@code null}: none), re-indexes
     * only the search segments and renders only the pages whose reports changed.
     *
     * @param previousBuild asked once the reports are loaded (so the caller can check meanwhile whether the
     *                      previous build still applies)
     * @param keep whether to return what the next build can reuse; a one-off build lets it go before rendering,
     *             which needs the memory (the search postings and related-incident state are 100+ MB for 10,000
     *             reports)
     */
    static Generated generate(BuildRequest request, BuildListener listener, ReportCache cache,
                              Supplier<Previous> previousBuild, boolean keep) {
        // A one-off build keeps the bodies rendered while loading, the search index and the search data on disk until
        // they are written into the site; a build whose state the next one reuses keeps them in the heap, where the
        // next build compares them.
        Phases phases = new Phases(listener);
        SpillDirectory spill;
        try {
            spill = keep ? null : SpillDirectory.beside(request.output());
        } catch (UncheckedIOException e) {
            // No scratch directory beside the output (no such parent, no room left): the same problem the site's own
            // writing reports, reported the same way, with what the reports say.
            LoadResult load = phases.run(BuildPhase.LOAD,
                    () -> new ReportLoader(request.load(), cache).load(request.source()));
            return new Generated(new BuildResult(load, load.complete() ? notWritten(request, e)
                    : new SiteResult(false, 0, List.of())), null, null, null);
        }
        try (spill) {
            return generate(request, phases, cache, previousBuild, keep, spill);
        }
    }

    /** {@link #generate} with the scratch directory of a one-off build ({@code null} when {@code keep}). */
    private static Generated generate(BuildRequest request, Phases phases, ReportCache cache,
                                      Supplier<Previous> previousBuild, boolean keep, SpillDirectory spill) {
        RenderedBodies bodies = keep ? RenderedBodies.of(request.site())
                : RenderedBodies.spilledInto(request.site(), spill);
        // A one-off build whose reports take at most a tenth of the heap (10,000 reports' 55 MB in 768 MB) keeps their
        // Markdown bodies undeflated (deflating them was 2.5% of its CPU), its search index in the heap (see
        // IncidentIndex.buildOneOff) and its taxonomy pages' shared rows. A build whose state the next reuses keeps
        // the bodies deflated.
        long storeUpTo = keep ? -1 : Runtime.getRuntime().maxMemory() / 10;
        LoadResult load = phases.run(BuildPhase.LOAD,
                () -> new ReportLoader(request.load(), cache, bodies::parsed, storeUpTo).load(request.source()));
        if (!load.complete()) {
            // the previous site stays
            return new Generated(new BuildResult(load, new SiteResult(false, 0, List.of())), null, null, null);
        }
        // Asked only now: whether the previous build still applies may be decided while the reports load.
        Previous previous = previousBuild.get();
        KnowledgeBase kb = phases.run(BuildPhase.MODEL,
                () -> KnowledgeBase.of(load.incidents(), request.site().asOf(),
                        previous == null ? null : previous.site().kb()));
        List<ExtraFile> extras = new ArrayList<>(phases.run(BuildPhase.EXPORTS, () -> exports(kb, request.site())));
        boolean roomy = load.reportBytes() <= storeUpTo; // never when keep: storeUpTo is -1
        try {
            IncidentIndex index = phases.run(BuildPhase.SEARCH_INDEX, () -> keep
                    ? IncidentIndex.build(kb, previous == null ? null : previous.index())
                    : roomy ? IncidentIndex.buildOneOff(kb)
                    : IncidentIndex.buildOnDisk(kb, spill.file("index")));
            // The related incidents need only the knowledge base. Writing the static search is one thread's work:
            // they are found beside it, on the other cores, rather than after it.
            StaticSearchExport search;
            RelatedIncidents similar;
            try (Beside<RelatedIncidents> relating = new Beside<>("hindsight-related", () -> previous == null
                    ? RelatedIncidents.find(kb, RELATED_PER_INCIDENT) : previous.related().update(kb))) {
                search = phases.run(BuildPhase.STATIC_SEARCH, () -> keep
                        ? exportKept(index, kb, previous, extras) : exportSpilled(index, kb, spill, extras));
                // The phase's time is what is left to wait for once the static search is written.
                similar = phases.run(BuildPhase.RELATED, relating::take);
            }
            Map<String, List<RelatedLink>> related = links(similar, previous);
            if (!keep) {
                similar = null; // rendering needs the memory
            }
            // The taxonomy pages' shared rows take up to a 32nd of the heap (24 MB of 768 MB); 50,000 reports in 1 GB
            // could not spare it (the build spent half a minute more in full collections).
            long sharedRows = roomy ? Runtime.getRuntime().maxMemory() / 32 : 0;
            SiteResult site = phases.run(BuildPhase.RENDER, () -> new SiteBuilder(request.site(), bodies, sharedRows)
                    .build(kb, request.source(), request.output(), extras, related,
                            previous == null ? null : previous.site()));
            return new Generated(new BuildResult(load, site), keep ? index : null, search, similar);
        } catch (UncheckedIOException e) {
            // The scratch directory could not be written (no room left): reported as at its making.
            return new Generated(new BuildResult(load, notWritten(request, e)), null, null, null);
        }
    }

    /**
     * Work on a thread of its own, started when made, whose result is taken once. Taking it lets go of it here: the
     * related incidents of 50,000 reports are 100+ MB that a one-off build's rendering needs. Closed without being
     * taken (the work beside it failed), it waits for the work to end, so that a failing build leaves no thread
     * behind to compete with the next (the preview server rebuilds in the same JVM); its result or failure is then
     * of no use.
     */
    private static final class Beside<T> implements AutoCloseable {
        private CompletableFuture<T> work;

        Beside(String threadName, Supplier<T> work) {
            this.work = CompletableFuture.supplyAsync(work, task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true); // a build that fails before taking the result must not keep the JVM alive
                thread.start();
            });
        }

        @Override
        public void close() {
            if (work != null) {
                work.handle((result, failure) -> null).join();
                work = null;
            }
        }

        /** The result, or what the work threw, as it threw it. */
        T take() {
            CompletableFuture<T> taken = work;
            work = null;
            try {
                return taken.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    private static SiteResult notWritten(BuildRequest request, UncheckedIOException e) {
        Diagnostics problems = new Diagnostics("");
        SiteBuilder.reportNotWritten(problems, request.output(),
                e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
        return new SiteResult(false, 0, problems.list());
    }

    /** Exports the search data in the heap, taking what the previous build's left unchanged. */
    private static StaticSearchExport exportKept(IncidentIndex index, KnowledgeBase kb, Previous previous,
                                                 List<ExtraFile> extras) {
        index.files().forEach((name, bytes) -> extras.add(new ExtraFile(IncidentIndex.SITE_DIRECTORY + name, bytes)));
        StaticSearchExport data = previous == null
                ? StaticSearchExport.export(index.directory(), kb, INCIDENT_PAGE)
                : previous.search().update(index.directory(), kb);
        data.files().forEach((path, bytes) -> extras.add(new ExtraFile(path, bytes)));
        return data;
    }

    /**
     * Exports the search data through {@code spill}: the site's files are copied from there when it is written, so
     * that the heap holds neither the index (about 130 MB for 50,000 reports) nor the data files (240 MB).
     */
    private static StaticSearchExport exportSpilled(IncidentIndex index, KnowledgeBase kb, SpillDirectory spill,
                                                    List<ExtraFile> extras) {
        for (String name : index.fileNames()) {
            extras.add(new ExtraFile(IncidentIndex.SITE_DIRECTORY + name, out -> index.copyFile(name, out)));
        }
        int metaAt = extras.size(); // meta.js comes first, as in a kept export, though it is written last
        byte[] meta = StaticSearchExport.exportTo(index.directory(), kb, INCIDENT_PAGE,
                (path, bytes) -> extras.add(spill.spill(path, bytes)));
        extras.add(metaAt, new ExtraFile(StaticSearchExport.META, meta));
        return null; // nothing kept for a next build
    }

    /** What a build in this process left for the next one. */
    record Previous(IncidentIndex index, StaticSearchExport search, RelatedIncidents related, RenderedSite site) {
    }

    /**
     * The related incidents as page links. An incident whose list the update kept (the very same list) keeps its
     * links too, so that telling which pages changed is an identity check rather than 50,000 comparisons.
     */
    static Map<String, List<RelatedLink>> links(RelatedIncidents similar, Previous previous) {
        Map<String, List<RelatedIncident>> before = previous == null ? Map.of() : previous.related().byId();
        Map<String, List<RelatedLink>> linksBefore = previous == null ? Map.of() : previous.site().related();
        Map<String, List<RelatedLink>> related = new LinkedHashMap<>();
        similar.byId().forEach((id, list) -> {
            List<RelatedLink> kept = list == before.get(id) ? linksBefore.get(id) : null;
            related.put(id, kept != null ? kept
                    : list.stream().map(r -> new RelatedLink(r.id(), r.reasons())).toList());
        });
        return related;
    }

    /** Times each phase and tells the listener. */
    private record Phases(BuildListener listener) {
        <T> T run(BuildPhase phase, Supplier<T> work) {
            listener.phaseStarted(phase);
            long start = System.nanoTime();
            T result = work.get();
            listener.phaseFinished(phase, System.nanoTime() - start);
            return result;
        }
    }

    private static List<ExtraFile> exports(KnowledgeBase kb, SiteSettings settings) {
        ExportContext context = new ExportContext(settings.baseUrl(), settings.locale(), settings.title());
        // Streamed into the site when it is written: incidents.json alone is ~100 MB for 10,000 reports.
        return Exports.all().stream()
                .map(e -> new ExtraFile(e.fileName(), out -> e.write(kb, context, out))).toList();
    }
}
