package dev.hindsight.cli;

import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.Severity;
import dev.hindsight.scaffold.NewReport;
import dev.hindsight.scaffold.ReportScaffold;
import dev.hindsight.site.SiteLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code new}: starts a report from the team's template with the next free id. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a report from the template, with the next free id for its date, and prints its path.",
        footer = {"", "Examples:",
                "  hindsight new --source src/postmortems --title \"Checkout latency after a deploy\"",
                "  hindsight new --source src/postmortems --title \"支付超时\" --severity P1 --services payments,api --lang zh-CN",
                "  hindsight new --source src/postmortems --title \"DNS outage\" --style seed --started 2026-12-04T09:30",
                "", "The report goes to <source>/<year>/<id>.md with status draft; an existing file is never overwritten.",
                "Exit codes: 0 created, 2 usage error (bad value, existing file)."})
final class NewCommand implements Callable<Integer> {
    @Option(names = "--source", required = true, paramLabel = "DIR",
            description = "The directory of reports (created if missing).")
    Path source;

    @Option(names = "--title", required = true, paramLabel = "TITLE", description = "The report's title, one line.")
    String title;

    @Option(names = "--severity", paramLabel = "SEV", description = "P0 (worst) to P4, or SEV0..SEV4. Default: P2.")
    String severity = "P2";

    @Option(names = "--services", paramLabel = "A,B", description = "Affected services, comma-separated.")
    String services;

    @Option(names = "--owner", paramLabel = "NAME", description = "The report's owner.")
    String owner;

    @Option(names = "--style", paramLabel = "STYLE",
            description = "front-matter (YAML front matter, the default) or seed (the seed template's own form).")
    String style = "front-matter";

    @Option(names = "--lang", paramLabel = "LANG", description = "The template's language: en or zh-CN. Default: en.")
    String lang = "en";

    @Option(names = "--started", paramLabel = "DATE-TIME",
            description = "When the incident started, e.g. 2026-12-04T09:30. Default: now.")
    LocalDateTime started;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "The zone of --started and of now, e.g. Asia/Shanghai. Default: the system's.")
    ZoneId zone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Severity level = Severity.parse(severity).orElse(null);
        if (level == null) {
            err.println("hindsight new: --severity " + severity + " is not a severity (use P0 to P4)");
            return Main.EXIT_USAGE;
        }
        Locale language = SiteLanguage.parse(lang).orElse(null);
        if (language == null) {
            err.println("hindsight new: unsupported --lang " + lang + " (use en or zh-CN)");
            return Main.EXIT_USAGE;
        }
        ReportStyle reportStyle = ReportScaffold.style(style).orElse(null);
        if (reportStyle == null) {
            err.println("hindsight new: unknown --style " + style + " (use front-matter or seed)");
            return Main.EXIT_USAGE;
        }
        ZoneId where = zone == null ? ZoneId.systemDefault() : zone;
        LocalDateTime when = started != null ? started : LocalDateTime.now(where).truncatedTo(ChronoUnit.MINUTES);
        OffsetDateTime start = when.atZone(where).toOffsetDateTime();
        NewReport report = new NewReport(title.strip(), level, NewReport.commaSeparated(services),
                owner == null ? null : owner.strip(),
                start, reportStyle, language);
        try {
            Path file = ReportScaffold.create(source, report);
            spec.commandLine().getOut().println(file);
            spec.commandLine().getOut().flush();
            return Main.EXIT_OK;
        } catch (ReportScaffold.BadValue e) {
            err.println("hindsight new: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            err.println("hindsight new: could not write the report: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
    }
}
