package dev.hindsight.maven;

import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.Severity;
import dev.hindsight.scaffold.NewReport;
import dev.hindsight.scaffold.ReportScaffold;
import dev.hindsight.site.SiteLanguage;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Starts a report from the template: {@code mvn hindsight:new -Dhindsight.title="Checkout latency"} writes
 * {@code src/postmortems/<year>/INC-YYYY-MM-DD-NNN.md} with the next free id and prints its path.
 */
@Mojo(name = "new", requiresProject = false, threadSafe = true)
public class NewMojo extends AbstractHindsightMojo {
    /** The report's title, one line. */
    @Parameter(property = "hindsight.title", required = true)
    String title;

    /** P0 (worst) to P4. */
    @Parameter(property = "hindsight.severity", defaultValue = "P2")
    String severity;

    /** Affected services, comma-separated. */
    @Parameter(property = "hindsight.services")
    String services;

    /** The report's owner. */
    @Parameter(property = "hindsight.owner")
    String owner;

    /** front-matter (YAML front matter) or seed (the seed template's own form). */
    @Parameter(property = "hindsight.style", defaultValue = "front-matter")
    String style;

    /** The template's language: en or zh-CN. */
    @Parameter(property = "hindsight.lang", defaultValue = "en")
    String lang;

    /** When the incident started, e.g. 2026-12-04T09:30, in {@code timeZone}; default now. */
    @Parameter(property = "hindsight.started")
    String started;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Hindsight new skipped");
            return;
        }
        Severity level = Severity.parse(severity).orElseThrow(() -> new MojoExecutionException(
                "hindsight.severity: '" + severity + "' is not a severity (use P0 to P4)"));
        Locale language = SiteLanguage.parse(lang).orElseThrow(() -> new MojoExecutionException(
                "hindsight.lang: '" + lang + "' is not supported (use en or zh-CN)"));
        ReportStyle reportStyle = ReportScaffold.style(style).orElseThrow(() -> new MojoExecutionException(
                "hindsight.style: '" + style + "' is not a style (use front-matter or seed)"));
        LocalDateTime when;
        try {
            when = started == null || started.isBlank() ? LocalDateTime.now(zone()).truncatedTo(ChronoUnit.MINUTES)
                    : LocalDateTime.parse(started.strip());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("hindsight.started: '" + started + "' is not a date-time "
                    + "(use e.g. 2026-12-04T09:30)");
        }
        NewReport report = new NewReport(title.strip(), level, NewReport.commaSeparated(services),
                owner == null ? null : owner.strip(),
                when.atZone(zone()).toOffsetDateTime(), reportStyle, language);
        try {
            Path file = ReportScaffold.create(sourceDirectory.toPath(), report);
            getLog().info("Created " + file);
        } catch (ReportScaffold.BadValue e) {
            throw new MojoExecutionException("hindsight:new: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("hindsight:new could not write the report: " + e.getMessage(), e);
        }
    }
}
