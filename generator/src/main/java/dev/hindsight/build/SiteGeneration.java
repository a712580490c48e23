package dev.hindsight.build;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.site.SiteBuilder;
import dev.hindsight.site.SiteResult;

/**
 * Runs a build: loads the reports (bad ones are left out with their diagnostics), builds the knowledge
 * base as of the request's date, and renders the site.
 */
public final class SiteGeneration {
    private SiteGeneration() {
    }

    public static BuildResult run(BuildRequest request) {
        LoadResult load = new ReportLoader(request.load()).load(request.source());
        KnowledgeBase kb = new KnowledgeBase(load.incidents(), request.site().asOf());
        SiteResult site = new SiteBuilder(request.site()).build(kb, request.source(), request.output());
        return new BuildResult(load, site);
    }
}
