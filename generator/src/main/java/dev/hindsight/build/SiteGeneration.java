package dev.hindsight.build;

import dev.hindsight.export.ExportContext;
import dev.hindsight.export.Exports;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import org.apache.lucene.store.Directory;
import dev.hindsight.search.IncidentIndex;
import dev.hindsight.search.IncidentSearch;
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
        LoadResult load = new ReportLoader(request.load()).load(request.source());
        KnowledgeBase kb = new KnowledgeBase(load.incidents(), request.site().asOf());
        List<ExtraFile> extras = new ArrayList<>(exports(kb, request.site()));
        Directory index = IncidentIndex.build(kb);
        IncidentIndex.files(index).forEach((name, bytes) ->
                extras.add(new ExtraFile(IncidentIndex.SITE_DIRECTORY + name, bytes)));
        StaticSearchExport.files(index, kb, incident -> SitePaths.incident(incident.id()))
                .forEach((path, bytes) -> extras.add(new ExtraFile(path, bytes)));
        Map<String, List<RelatedLink>> related = new LinkedHashMap<>();
        try (IncidentSearch search = new IncidentSearch(index)) {
            RelatedIncidents.find(kb, search, RELATED_PER_INCIDENT).forEach((id, similar) -> related.put(id,
                    similar.stream().map(r -> new RelatedLink(r.id(), r.reasons())).toList()));
        }
        SiteResult site = new SiteBuilder(request.site()).build(kb, request.source(), request.output(), extras,
                related);
        return new BuildResult(load, site);
    }

    private static List<ExtraFile> exports(KnowledgeBase kb, SiteSettings settings) {
        ExportContext context = new ExportContext(settings.baseUrl(), settings.locale());
        return Exports.all().stream().map(e -> new ExtraFile(e.fileName(), e.render(kb, context))).toList();
    }
}
