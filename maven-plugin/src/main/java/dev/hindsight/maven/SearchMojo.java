package dev.hindsight.maven;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.search.IncidentIndex;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.search.SearchHit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * Searches the post-mortems from the terminal: {@code mvn hindsight:search -Dhindsight.query="oom"}.
 * Works without a project on {@code -Dhindsight.source=DIR}: the reports are indexed in memory.
 */
@Mojo(name = "search", requiresProject = false, threadSafe = true)
public class SearchMojo extends AbstractHindsightMojo {
    /** What to look for: plain words, or Lucene query syntax ({@code severity:P1 AND oom}). */
    @Parameter(property = "hindsight.query", required = true)
    String query;

    /** The directory of reports when there is no project (overrides sourceDirectory). */
    @Parameter(property = "hindsight.source")
    File source;

    /** How many hits to print. */
    @Parameter(property = "hindsight.limit", defaultValue = "10")
    int limit;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Hindsight search skipped");
            return;
        }
        if (source != null) {
            sourceDirectory = source;
            basedir = null;
        }
        if (sourceDirectory == null || !sourceDirectory.isDirectory()) {
            throw new MojoExecutionException("no reports to search: " + sourceDirectory
                    + " is not a directory (use -Dhindsight.source=DIR)");
        }
        LoadResult load = new ReportLoader(loadSettings()).load(sourceDirectory.toPath());
        KnowledgeBase kb = new KnowledgeBase(load.incidents(), asOfDate());
        List<SearchHit> hits;
        try (IncidentSearch search = new IncidentSearch(IncidentIndex.build(kb).directory())) {
            hits = search.search(query, limit);
        } catch (IncidentSearch.BadQueryException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        int rank = 1;
        for (SearchHit hit : hits) {
            getLog().info(String.format(Locale.ROOT, "%2d. %s  %s  %s  %.3f  %s", rank++, hit.id(), hit.severity(),
                    hit.started().substring(0, Math.min(10, hit.started().length())), hit.score(), hit.title()));
            if (hit.snippet() != null) {
                getLog().info("    " + hit.snippet());
            }
        }
        getLog().info(hits.isEmpty() ? "No incidents match '" + query + "'." : hits.size() + " hit(s) for '" + query + "'.");
    }
}
