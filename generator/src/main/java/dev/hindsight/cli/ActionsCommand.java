package dev.hindsight.cli;

import dev.hindsight.export.ActionListing;
import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.kb.TrackingReport;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code actions}: the seed's tracking report, or the action items filtered by owner or lateness. */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = "Prints the action-item tracking report, or the items filtered by owner or lateness.",
        footer = {"", "Examples:",
                "  hindsight actions --source src/postmortems                      (the tracking report)",
                "  hindsight actions --source src/postmortems --locale zh-CN       (改进措施跟踪报告)",
                "  hindsight actions --source src/postmortems --owner 李四 --overdue",
                "  hindsight actions --source src/postmortems --format csv > actions.csv",
                "", "Exit codes: 0 ok, 1 some report had errors (its items are missing), 2 usage error."})
final class ActionsCommand implements Callable<Integer> {
    enum Format { text, csv, json }

    @Mixin
    SourceOptions options;

    @Option(names = "--owner", paramLabel = "NAME", description = "Only this owner's items.")
    String owner;

    @Option(names = "--overdue", description = "Only overdue items.")
    boolean overdue;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (the report, or a list when filtered), csv or json (as actions.json holds it: "
                    + "unindented; pipe it through jq to read it). Default: text.")
    Format format = Format.text;

    @Option(names = "--locale", paramLabel = "LOCALE", description = "Language of the text report: en or zh-CN.")
    String locale = "en";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(options.source)) {
            spec.commandLine().getErr().println("hindsight actions: not a directory: " + options.source);
            return Main.EXIT_USAGE;
        }
        LoadResult load = new ReportLoader(options.settings()).load(options.source);
        ActionTracker tracker = new KnowledgeBase(load.incidents(), options.asOf()).tracker();
        boolean filtered = owner != null || overdue;
        if (owner != null) {
            tracker = tracker.where(t -> owner.equals(t.item().owner()));
        }
        if (overdue) {
            tracker = tracker.where(TrackedItem::overdue);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case csv -> out.print(new String(ActionListing.csv(tracker), StandardCharsets.UTF_8));
            case json -> out.print(new String(ActionListing.json(tracker), StandardCharsets.UTF_8));
            case text -> {
                if (filtered) {
                    printList(tracker, out);
                } else {
                    out.print(TrackingReport.text(tracker, Locale.forLanguageTag(locale)));
                }
            }
        }
        out.flush();
        if (load.hasErrors()) {
            spec.commandLine().getErr().println("hindsight actions: " + load.errorCount()
                    + " report(s) have errors and are left out; run 'hindsight check' for details");
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }

    private static void printList(ActionTracker tracker, PrintWriter out) {
        for (TrackedItem t : tracker.items()) {
            out.println("[" + t.item().qualifiedId() + "] " + t.item().description() + " (" + t.item().status().label()
                    + ", " + t.item().priority().label() + ", owner: " + (t.item().owner() == null ? "unassigned"
                    : t.item().owner()) + ", due: " + t.item().due()
                    + (t.overdue() ? ", overdue by " + t.daysLate() + " days" : "") + ")");
        }
        out.println(tracker.total() + " items, " + tracker.overdue().size() + " overdue, completion rate "
                + ActionTracker.formatRate(tracker.completionRate()) + "%");
    }
}
