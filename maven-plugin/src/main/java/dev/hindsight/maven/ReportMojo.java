package dev.hindsight.maven;

import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.site.SiteSettings;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The Maven report: {@code mvn site} renders the knowledge base under {@code target/site/postmortems/}
 * and adds a "Post-mortems" page under Project Reports with its headline figures and a link to it.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {
    /** Where the knowledge base goes inside the site. */
    static final String SITE_SUBDIRECTORY = "postmortems";

    /** The directory of reports (searched recursively for *.md). */
    @Parameter(property = "hindsight.sourceDirectory", defaultValue = "${project.basedir}/src/postmortems")
    File sourceDirectory;

    /** The date overdue action items are judged on (YYYY-MM-DD); default: the day of {@code outputTimestamp}. */
    @Parameter(property = "hindsight.asOf")
    String asOf;

    /** Time zone of date-times written without an offset; default the system's. */
    @Parameter(property = "hindsight.timeZone")
    String timeZone;

    /** UI language of the knowledge base: en or zh-CN. */
    @Parameter(property = "hindsight.locale", defaultValue = "en")
    String uiLocale;

    /** The knowledge base's title. */
    @Parameter(property = "hindsight.siteTitle", defaultValue = "Post-mortems")
    String siteTitle;

    /**
     * Whether to keep the build's state in {@code cacheDirectory}, so that the next {@code mvn site} after an edit
     * re-reads, re-indexes and re-renders only what changed (the knowledge base is the same as a full build's).
     */
    @Parameter(property = "hindsight.incremental", defaultValue = "true")
    boolean incremental;

    /** Where an incremental build keeps its state. */
    @Parameter(property = "hindsight.cacheDirectory", defaultValue = "${project.build.directory}/hindsight-cache/report")
    File cacheDirectory;

    /** Skip every Hindsight goal. */
    @Parameter(property = "hindsight.skip", defaultValue = "false")
    boolean skip;

    @Override
    public String getOutputName() {
        return "postmortems-report";
    }

    @Override
    public String getName(Locale locale) {
        return "Post-mortems";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The incident post-mortems as a searchable knowledge base, with action-item tracking.";
    }

    @Override
    public boolean canGenerateReport() {
        return !skip && sourceDirectory != null && sourceDirectory.isDirectory();
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        ZoneId zone = zone();
        LocalDate asOfDate = asOfDate(zone);
        File output = new File(getReportOutputDirectory(), SITE_SUBDIRECTORY);
        SiteSettings site = new SiteSettings(siteTitle, uiLocale.toLowerCase(Locale.ROOT).startsWith("zh")
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, asOfDate, zone, null, null, false, null);
        BuildRequest request = new BuildRequest(sourceDirectory.toPath(), output.toPath(),
                new LoadSettings(zone, LoadSettings.DEFAULT_MAX_REPORT_BYTES), site);
        BuildResult result = incremental ? IncrementalBuild.cachedIn(cacheDirectory.toPath()).run(request,
                BuildListener.SILENT) : SiteGeneration.run(request);
        for (Diagnostic d : result.diagnostics()) {
            String line = d.toGccLine() + (d.hint() == null ? "" : System.lineSeparator() + "    hint: " + d.hint());
            if (d.isError()) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        if (!result.site().written()) {
            throw new MavenReportException("Hindsight did not write the knowledge base; see the lines above");
        }
        ActionTracker tracker = new KnowledgeBase(result.load().incidents(), asOfDate).tracker();
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(getName(locale));
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text(result.load().incidents().size() + " incidents, " + tracker.open().size() + " open and "
                + tracker.overdue().size() + " overdue action items as of " + asOfDate + "; completion rate "
                + ActionTracker.formatRate(tracker.completionRate()) + "%.");
        sink.paragraph_();
        sink.paragraph();
        sink.link(SITE_SUBDIRECTORY + "/index.html");
        sink.text("Open the post-mortem knowledge base");
        sink.link_();
        sink.paragraph_();
        sink.section1_();
        sink.body_();
        sink.close();
    }

    private ZoneId zone() throws MavenReportException {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new MavenReportException("hindsight.timeZone: '" + timeZone + "' is not a time zone");
        }
    }

    /** The as-of date, else the reproducible build timestamp's day, else today: so mvn site is reproducible. */
    private LocalDate asOfDate(ZoneId zone) throws MavenReportException {
        try {
            if (asOf != null && !asOf.isBlank()) {
                return LocalDate.parse(asOf.strip());
            }
            if (outputTimestamp != null && outputTimestamp.length() > 1 && !outputTimestamp.matches("\\d+")) {
                return OffsetDateTime.parse(outputTimestamp).atZoneSameInstant(zone).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            throw new MavenReportException("hindsight.asOf: '" + asOf + "' is not a date (use YYYY-MM-DD)");
        }
        return LocalDate.now(zone);
    }
}
