package dev.hindsight.build;

import dev.hindsight.export.ExportContext;
import dev.hindsight.export.Exports;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportCache;
import dev.hindsight.load.ReportLoader;
import org.apache.lucene.store.Directory;
import dev.hindsight.search.IncidentIndex;
import dev.hindsight.search.RelatedIncidents;
import dev.hindsight.search.StaticSearchExport;
import dev.hindsight.site.ExtraFile;
import dev.hindsight.site.RelatedLink;
import dev.hindsight.site.SiteBuilder;
import dev.hindsight.site.SitePaths;
import dev.hindsight.site.SiteResult;
import dev.hindsight.site.SiteSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a build: loads the reports (bad ones are left out with their diagnostics), builds the knowledge
 * base as of the request's date, renders the exports and the site, and writes both in one atomic step
 * so that pages and exports always describe the same reports.
 */
public final class SiteGeneration {
    /** How many similar incidents each incident page lists. */
    static final int RELATED_PER_INCIDENT = 5;

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
        Phases phases = new Phases(listener);
        LoadResult load = phases.run(BuildPhase.LOAD,
                () -> new ReportLoader(request.load(), cache).load(request.source()));
        if (!load.complete()) {
            return new BuildResult(load, new SiteResult(false, 0, List.of())); // the previous site stays
        }
        KnowledgeBase kb = phases.run(BuildPhase.MODEL,
                () -> new KnowledgeBase(load.incidents(), request.site().asOf()));
        List<ExtraFile> extras = new ArrayList<>(phases.run(BuildPhase.EXPORTS, () -> exports(kb, request.site())));
        Directory index = phases.run(BuildPhase.SEARCH_INDEX, () -> IncidentIndex.build(kb));
        phases.run(BuildPhase.STATIC_SEARCH, () -> {
            IncidentIndex.files(index).forEach((name, bytes) ->
                    extras.add(new ExtraFile(IncidentIndex.SITE_DIRECTORY + name, bytes)));
            StaticSearchExport.files(index, kb, incident -> SitePaths.incident(incident.id()))
                    .forEach((path, bytes) -> extras.add(new ExtraFile(path, bytes)));
            return null;
        });
        Map<String, List<RelatedLink>> related = phases.run(BuildPhase.RELATED, () -> related(kb));
        SiteResult site = phases.run(BuildPhase.RENDER, () -> new SiteBuilder(request.site())
                .build(kb, request.source(), request.output(), extras, related));
        return new BuildResult(load, site);
    }

    private static Map<String, List<RelatedLink>> related(KnowledgeBase kb) {
        Map<String, List<RelatedLink>> related = new LinkedHashMap<>();
        RelatedIncidents.find(kb, RELATED_PER_INCIDENT).byId().forEach((id, similar) -> related.put(id,
                similar.stream().map(r -> new RelatedLink(r.id(), r.reasons())).toList()));
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
