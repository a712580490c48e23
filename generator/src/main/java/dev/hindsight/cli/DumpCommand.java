package dev.hindsight.cli;

import dev.hindsight.export.ModelJson;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;

/** {@code dump}: prints the loaded model as JSON with a stable key order. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Prints the loaded reports (and the diagnostics) as JSON with a stable key order.",
        footer = {"", "Examples:",
                "  hindsight dump --source src/postmortems > model.json",
                "  hindsight dump --source src/postmortems --time-zone Asia/Shanghai",
                "", "Exit codes: 0 no errors, 1 some report had errors (it is left out), 2 usage error."})
final class DumpCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(options.source)) {
            spec.commandLine().getErr().println("hindsight dump: not a directory: " + options.source);
            return Main.EXIT_USAGE;
        }
        LoadResult result = new ReportLoader(options.settings()).load(options.source);
        PrintWriter out = spec.commandLine().getOut();
        try (ModelJson json = new ModelJson(out)) {
            json.writeDump(result.incidents(), result.diagnostics());
        }
        out.println();
        out.flush();
        return result.hasErrors() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }
}
