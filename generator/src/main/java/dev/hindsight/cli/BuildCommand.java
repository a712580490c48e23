package dev.hindsight.cli;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.site.SiteSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code build}: renders the knowledge base as a static site. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Renders the reports as a static HTML knowledge base.",
        footer = {"", "Examples:",
                "  hindsight build --source src/postmortems --out target/postmortems",
                "  hindsight build --source reports --out site --locale zh-CN --title \"复盘知识库\" --as-of 2026-11-25",
                "  hindsight build --source reports --out target/site --cache target/hindsight-cache",
                "", "The output directory is replaced as a whole, and only when the build succeeds; with --cache, a",
                "build after an edit updates only the files that changed, each replaced atomically.",
                "Exit codes: 0 built without errors, 1 built but some reports had errors (left out) or the site",
                "was not written, 2 usage error."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the site.")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = {
            "Keep the build's state in DIR (e.g. target/hindsight-cache), so that the next build re-reads, "
                    + "re-indexes and re-renders only what changed since. Without it every build is a full one."})
    Path cache;

    @Mixin
    SiteOptions siteOptions;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(options.source)) {
            err.println("hindsight build: not a directory: " + options.source);
            return Main.EXIT_USAGE;
        }
        SiteSettings site = siteOptions.settings(options).orElse(null);
        if (site == null) {
            err.println("hindsight build: unsupported --locale " + siteOptions.locale + " (use en or zh-CN)");
            return Main.EXIT_USAGE;
        }
        if (output.problem() != null) {
            err.println("hindsight build: " + output.problem());
            return Main.EXIT_USAGE;
        }
        Console console = output.console(spec.commandLine().getOut(), err);
        BuildRequest request = new BuildRequest(options.source, out, options.settings(), site);
        BuildResult result = cache == null ? SiteGeneration.run(request, console.progress())
                : IncrementalBuild.cachedIn(cache).run(request, console.progress());
        console.diagnostics(result.diagnostics());
        if (result.site().written()) {
            console.summary("Wrote " + result.site().pages() + " pages for " + result.load().incidents().size()
                    + " incidents to " + out + " (open " + out.resolve("index.html") + ")");
        } else {
            console.result("The site was not written; " + out + " is unchanged.");
        }
        return result.hasErrors() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }
}
