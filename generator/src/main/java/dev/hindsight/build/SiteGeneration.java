package dev.hindsight.build;

import dev.hindsight.export.ExportContext;
import dev.hindsight.export.Exports;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.site.ExtraFile;
import dev.hindsight.site.SiteBuilder;
import dev.hindsight.site.SiteResult;
import dev.hindsight.site.SiteSettings;

import java.util.List;

/**
 * Runs a build: loads the reports (bad ones are left out with their diagnostics), builds the knowledge
 * base as of the request's date, renders the exports and the site, and writes both in one atomic step
 * so that pages and exports always describe the same reports.
 */
public final class SiteGeneration {
    private SiteGeneration() {
    }

    public static BuildResult run(BuildRequest request) {
        LoadResult load = new ReportLoader(request.load()).load(request.source());
        KnowledgeBase kb = new KnowledgeBase(load.incidents(), request.site().asOf());
        SiteResult site = new SiteBuilder(request.site()).build(kb, request.source(), request.output(),
                exports(kb, request.site()));
        return new BuildResult(load, site);
    }

    private static List<ExtraFile> exports(KnowledgeBase kb, SiteSettings settings) {
        ExportContext context = new ExportContext(settings.baseUrl(), settings.locale());
        return Exports.all().stream().map(e -> new ExtraFile(e.fileName(), e.render(kb, context))).toList();
    }
}
