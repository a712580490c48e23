package dev.hindsight.maven;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.LoadSettings;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What every Hindsight goal shares: where the reports are, the as-of date and time zone, the size
 * limit, skipping, and printing diagnostics as {@code path:line:col: message [code]} through Maven's log.
 */
abstract class AbstractHindsightMojo extends AbstractMojo {
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

    /** When all reports together are larger than this many bytes, none is read (default 1 GiB). */
    @Parameter(property = "hindsight.maxSourceSize", defaultValue = "1073741824")
    long maxSourceSize;

    /** Skip every Hindsight goal. */
    @Parameter(property = "hindsight.skip", defaultValue = "false")
    boolean skip;

    LoadSettings loadSettings() throws MojoExecutionException {
        return new LoadSettings(zone(), maxReportSize, maxSourceSize);
    }

    ZoneId zone() throws MojoExecutionException {
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

    LocalDate asOfDate() throws MojoExecutionException {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(zone());
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("hindsight.asOf: '" + asOf + "' is not a date (use YYYY-MM-DD)");
        }
    }

    /** Errors at error level, warnings at warning level, each with its hint on the next line. */
    void log(List<Diagnostic> diagnostics) {
        Path shownRoot = basedir == null ? sourceDirectory.toPath() : basedir.toPath();
        String prefix = shownRoot.toAbsolutePath().relativize(sourceDirectory.toPath().toAbsolutePath()).toString()
                .replace('\\', '/');
        for (Diagnostic d : diagnostics) {
            String path = d.path().isEmpty() ? "" : (prefix.isEmpty() ? "" : prefix + "/") + d.path();
            String line = path + ":" + Math.max(d.line(), 1) + ":" + Math.max(d.column(), 1) + ": " + d.message()
                    + " [" + d.code().code() + "]"
                    + (d.hint() == null ? "" : System.lineSeparator() + "    hint: " + d.hint());
            if (d.isError()) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
    }
}
