package dev.hindsight.cli;

import dev.hindsight.load.LoadSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/** The options every command that reads reports shares, so they are spelled the same everywhere. */
final class SourceOptions {
    @Option(names = "--source", required = true, paramLabel = "DIR",
            description = "The directory of reports (*.md, searched recursively).")
    Path source;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The date overdue is judged on (YYYY-MM-DD). Default: today in the time zone.")
    LocalDate asOf;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "Time zone of date-times written without an offset, e.g. Asia/Shanghai. "
                    + "Default: the system's.")
    ZoneId zone;

    @Option(names = "--max-report-size", paramLabel = "BYTES",
            description = "Reports larger than this are rejected. Default: ${DEFAULT-VALUE}.")
    long maxReportBytes = LoadSettings.DEFAULT_MAX_REPORT_BYTES;

    @Option(names = "--max-source-size", paramLabel = "BYTES",
            description = "When all reports together are larger than this, none is read. Default: ${DEFAULT-VALUE}.")
    long maxSourceBytes = LoadSettings.DEFAULT_MAX_SOURCE_BYTES;

    LoadSettings settings() {
        return new LoadSettings(zone(), maxReportBytes, maxSourceBytes);
    }

    ZoneId zone() {
        return zone == null ? ZoneId.systemDefault() : zone;
    }

    LocalDate asOf() {
        return asOf == null ? LocalDate.now(zone()) : asOf;
    }
}
