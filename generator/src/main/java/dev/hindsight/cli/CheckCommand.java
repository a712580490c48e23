package dev.hindsight.cli;

import dev.hindsight.check.CheckResult;
import dev.hindsight.check.KnowledgeBaseCheck;
import dev.hindsight.check.PolicySettings;
import dev.hindsight.export.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code check}: loads every report and prints what is wrong, gcc-style or as JSON. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Loads every report and prints what is wrong with it.",
        footer = {"", "Examples:",
                "  hindsight check --source src/postmortems",
                "  hindsight check --source src/postmortems --as-of 2026-11-25 --format json",
                "  hindsight check --source src/postmortems --policy overdue-urgent=error --policy late-draft=off",
                "", "Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage error."})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    SourceOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (gcc-style lines) or json. Default: text.")
    Format format = Format.text;

    @Option(names = "--policy", paramLabel = "NAME=LEVEL",
            description = "Set a policy's level (off, warning, error), e.g. overdue-urgent=error. Repeatable. "
                    + "Policies: late-draft, no-action-items, overdue, overdue-urgent, major-without-root-cause, "
                    + "major-without-timeline, completed-without-date, action-without-owner, action-without-due-date.")
    List<String> policies = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(options.source)) {
            spec.commandLine().getErr().println("hindsight check: not a directory: " + options.source);
            return Main.EXIT_USAGE;
        }
        if (output.problem() != null) {
            spec.commandLine().getErr().println("hindsight check: " + output.problem());
            return Main.EXIT_USAGE;
        }
        PolicySettings policySettings;
        try {
            policySettings = PolicySettings.parse(policies);
        } catch (PolicySettings.InvalidSetting e) {
            spec.commandLine().getErr().println("hindsight check: --policy " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        CheckResult result = new KnowledgeBaseCheck(options.settings(), policySettings)
                .run(options.source, options.asOf());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            printJson(result, out);
        } else {
            Console console = output.console(out, spec.commandLine().getErr());
            console.diagnostics(result.diagnostics());
            console.summary(result.summary());
        }
        out.flush();
        return result.failed() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    private static void printJson(CheckResult result, PrintWriter out) throws IOException {
        try (ModelJson json = new ModelJson(out)) {
            var g = json.generator();
            g.writeStartObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("reportFiles", result.load().reportFiles());
            g.writeNumberField("loaded", result.load().incidents().size());
            g.writeNumberField("errors", result.errorCount());
            g.writeNumberField("warnings", result.warningCount());
            g.writeNumberField("actionItems", result.actionItems());
            g.writeNumberField("overdue", result.overdueItems());
            g.writeStringField("asOf", result.asOf().toString());
            g.writeEndObject();
            g.writeFieldName("diagnostics");
            json.writeDiagnostics(result.diagnostics());
            g.writeEndObject();
        }
        out.println();
    }
}
