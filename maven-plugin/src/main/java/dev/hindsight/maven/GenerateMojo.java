package dev.hindsight.maven;

import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.site.SiteLanguage;
import dev.hindsight.site.SiteSettings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.Locale;

/**
 * Renders the post-mortem knowledge base as a static site (pages, search, exports). The output
 * directory is replaced as a whole, and only when the build succeeds.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class GenerateMojo extends AbstractHindsightMojo {
    /** Where the site goes. */
    @Parameter(property = "hindsight.outputDirectory", defaultValue = "${project.build.directory}/postmortems")
    File outputDirectory;

    /** UI language: en or zh-CN. */
    @Parameter(property = "hindsight.locale", defaultValue = "en")
    String locale;

    /** The site's title. */
    @Parameter(property = "hindsight.siteTitle", defaultValue = "Post-mortems")
    String siteTitle;

    /** The site's absolute URL, for the few links that must be absolute (404 page, calendar URLs). */
    @Parameter(property = "hindsight.baseUrl")
    String baseUrl;

    /** Templates that override the built-in ones of the same name (compiled at build time; needs a JDK). */
    @Parameter(property = "hindsight.templateDirectory")
    File templateDirectory;

    /** Where a report can be edited; {path} is its path in the source directory. */
    @Parameter(property = "hindsight.editUrlPattern")
    String editUrlPattern;

    /** Render raw HTML in reports instead of escaping it (only for trusted authors). */
    @Parameter(property = "hindsight.allowRawHtml", defaultValue = "false")
    boolean allowRawHtml;

    /** Fail the build when a report has errors (the other reports are still published). */
    @Parameter(property = "hindsight.generate.failOnError", defaultValue = "true")
    boolean failOnError;

    /**
     * Whether to keep the build's state in {@code cacheDirectory}, so that the next build after an edit re-reads,
     * re-indexes and re-renders only what changed (the site is the same as a full build's).
     */
    @Parameter(property = "hindsight.incremental", defaultValue = "true")
    boolean incremental;

    /** Where an incremental build keeps its state. */
    @Parameter(property = "hindsight.cacheDirectory", defaultValue = "${project.build.directory}/hindsight-cache/generate")
    File cacheDirectory;

    /** The reproducible-build timestamp: without an as-of date, its day is the site's as-of date. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    String outputTimestamp;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Hindsight generate skipped");
            return;
        }
        if (!sourceDirectory.isDirectory()) {
            getLog().info("No post-mortem reports: " + sourceDirectory + " does not exist");
            return;
        }
        BuildResult result = incremental ? IncrementalBuild.cachedIn(cacheDirectory.toPath()).run(buildRequest(),
                BuildListener.SILENT) : SiteGeneration.run(buildRequest());
        log(result.diagnostics());
        if (!result.site().written()) {
            throw new MojoFailureException("Hindsight did not write the site; " + outputDirectory
                    + " is unchanged. See the lines above.");
        }
        getLog().info("Hindsight: wrote " + result.site().pages() + " pages for " + result.load().incidents().size()
                + " incidents to " + outputDirectory + " (open index.html)");
        if (result.hasErrors() && failOnError) {
            throw new MojoFailureException("Hindsight found errors in the post-mortem reports (those reports are "
                    + "left out of the site); see the lines above");
        }
    }

    /** The build these parameters describe (the serve goal repeats it on every change). */
    BuildRequest buildRequest() throws MojoExecutionException {
        SiteSettings site = new SiteSettings(siteTitle, uiLocale(), siteAsOf(), zone(), blankToNull(baseUrl),
                blankToNull(editUrlPattern), allowRawHtml, templateDirectory == null ? null : templateDirectory.toPath());
        return new BuildRequest(sourceDirectory.toPath(), outputDirectory.toPath(), loadSettings(), site);
    }

    /** The as-of date, else the day of project.build.outputTimestamp (so output is reproducible), else today. */
    private java.time.LocalDate siteAsOf() throws MojoExecutionException {
        if ((asOf == null || asOf.isBlank()) && outputTimestamp != null && outputTimestamp.contains("-")) {
            try {
                return java.time.OffsetDateTime.parse(outputTimestamp).atZoneSameInstant(zone()).toLocalDate();
            } catch (java.time.format.DateTimeParseException e) {
                getLog().debug("project.build.outputTimestamp is not an ISO date-time: " + outputTimestamp);
            }
        }
        return asOfDate();
    }

    private Locale uiLocale() throws MojoExecutionException {
        return SiteLanguage.parse(locale).orElseThrow(() -> new MojoExecutionException(
                "hindsight.locale: '" + locale + "' is not supported (use en or zh-CN)"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
