package dev.hindsight.maven;

import dev.hindsight.check.CheckResult;
import dev.hindsight.check.KnowledgeBaseCheck;
import dev.hindsight.check.PolicySettings;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.LoadSettings;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Loads every post-mortem report and fails the build when one has errors, printing each finding as
 * {@code path:line:col: message [code]} so IDEs can jump to it. Bound to {@code verify} by default.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {
    /** The directory of reports (searched recursively for *.md). */
    @Parameter(property = "hindsight.sourceDirectory", defaultValue = "${project.basedir}/src/postmortems")
    File sourceDirectory;

    /** The project directory, to print report paths relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** The date overdue action items are judged on (YYYY-MM-DD); default today in {@code timeZone}. */
    @Parameter(property = "hindsight.asOf")
    String asOf;

    /** Time zone of date-times written without an offset, e.g. Asia/Shanghai; default the system's. */
    @Parameter(property = "hindsight.timeZone")
    String timeZone;

    /** Reports larger than this many bytes are rejected. */
    @Parameter(property = "hindsight.maxReportSize", defaultValue = "5242880")
    long maxReportSize;

    /** Fail the build when a report has errors. */
    @Parameter(property = "hindsight.failOnError", defaultValue = "true")
    boolean failOnError;

    /**
     * Policy levels, each {@code name=level} with level off, warning or error, e.g.
     * {@code overdue-urgent=error}; comma-separated on the command line. Every policy defaults to warning.
     */
    @Parameter(property = "hindsight.policies")
    List<String> policies;

    /** Skip the check. */
    @Parameter(property = "hindsight.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Hindsight check skipped");
            return;
        }
        if (!sourceDirectory.isDirectory()) {
            getLog().info("No post-mortem reports: " + sourceDirectory + " does not exist");
            return;
        }
        ZoneId zone = zone();
        LocalDate asOfDate = asOfDate(zone);
        PolicySettings policySettings;
        try {
            policySettings = PolicySettings.parse(policies == null ? List.of() : policies);
        } catch (PolicySettings.InvalidSetting e) {
            throw new MojoExecutionException("hindsight.policies: " + e.getMessage());
        }
        CheckResult result = new KnowledgeBaseCheck(new LoadSettings(zone, maxReportSize), policySettings)
                .run(sourceDirectory.toPath(), asOfDate);
        Path shownRoot = basedir == null ? sourceDirectory.toPath() : basedir.toPath();
        String prefix = shownRoot.toAbsolutePath().relativize(sourceDirectory.toPath().toAbsolutePath()).toString()
                .replace('\\', '/');
        for (Diagnostic d : result.diagnostics()) {
            String line = (prefix.isEmpty() ? "" : prefix + "/") + d.path() + ":" + Math.max(d.line(), 1) + ":"
                    + Math.max(d.column(), 1) + ": " + d.message() + " [" + d.code().code() + "]"
                    + (d.hint() == null ? "" : System.lineSeparator() + "    hint: " + d.hint());
            if (d.isError()) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        getLog().info("Hindsight: " + result.summary());
        if (result.failed() && failOnError) {
            throw new MojoFailureException("Hindsight found " + result.errorCount()
                    + " error(s) in the post-mortem reports; see the lines above");
        }
    }

    private ZoneId zone() throws MojoExecutionException {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new MojoExecutionException("hindsight.timeZone: '" + timeZone + "' is not a time zone "
                    + "(use e.g. UTC, Europe/Berlin or Asia/Shanghai)");
        }
    }

    private LocalDate asOfDate(ZoneId zone) throws MojoExecutionException {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("hindsight.asOf: '" + asOf + "' is not a date (use YYYY-MM-DD)");
        }
    }
}
