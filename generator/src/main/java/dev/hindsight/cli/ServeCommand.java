package dev.hindsight.cli;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.serve.PreviewListener;
import dev.hindsight.serve.PreviewServer;
import dev.hindsight.serve.ServeSettings;
import dev.hindsight.site.SiteSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** {@code serve}: the live preview for writers. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds the site, serves it on 127.0.0.1 and rebuilds it when a report or template changes; "
                + "open pages reload by themselves.",
        footer = {"", "Examples:",
                "  hindsight serve --source src/postmortems",
                "  hindsight serve --source src/postmortems --port 8080 --locale zh-CN --as-of 2026-11-25",
                "", "Pages are at the same paths as in the built site (/incidents/<id>/). While a report has errors,",
                "pages show them instead. /api/search?q=WORDS answers from the Lucene index as JSON. Stop with Ctrl-C.",
                "Exit codes: 0 stopped, 2 usage error (bad option, port in use)."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    @Mixin
    SiteOptions siteOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--port", paramLabel = "N", description = "The port on 127.0.0.1; 0 picks a free one. "
            + "Default: ${DEFAULT-VALUE}.")
    int port = 8000;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the site. Default: a temporary directory, removed on exit.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(options.source)) {
            err.println("hindsight serve: not a directory: " + options.source);
            return Main.EXIT_USAGE;
        }
        SiteSettings site = siteOptions.settings(options).orElse(null);
        if (site == null) {
            err.println("hindsight serve: unsupported --locale " + siteOptions.locale + " (use en or zh-CN)");
            return Main.EXIT_USAGE;
        }
        if (output.problem() != null) {
            err.println("hindsight serve: " + output.problem());
            return Main.EXIT_USAGE;
        }
        // A temporary site goes one level down in a directory of its own: every build keeps its lock
        // file beside the output directory, and removing that directory on exit takes the lock too.
        Path temporary = out != null ? null : Files.createTempDirectory("hindsight-serve");
        Path siteDirectory = out != null ? out : temporary.resolve("site");
        if (siteDirectory.toAbsolutePath().normalize().startsWith(options.source.toAbsolutePath().normalize())) {
            err.println("hindsight serve: --out must not be inside --source (every build would trigger the next)");
            return Main.EXIT_USAGE;
        }
        Console console = output.console(spec.commandLine().getOut(), err);
        ServeSettings settings = new ServeSettings(new BuildRequest(options.source, siteDirectory,
                options.settings(), site), port);
        PreviewServer server;
        try {
            server = PreviewServer.start(settings, new PreviewListener() {
                @Override
                public void built(int number, BuildResult result, long millis) {
                    console.diagnostics(result.diagnostics());
                    console.summary(String.format(Locale.ROOT, "Build %d: %d incidents, %d errors, %d ms", number,
                            result.load().incidents().size(),
                            result.diagnostics().stream().filter(Diagnostic::isError).count(), millis));
                }

                @Override
                public void failed(RuntimeException problem) {
                    console.result("hindsight serve: the build failed (please report it): " + problem);
                }
            });
        } catch (BindException e) {
            err.println("hindsight serve: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another --port");
            return Main.EXIT_USAGE;
        }
        console.result("Serving " + options.source + " at " + server.address() + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            try {
                server.close();
                if (temporary != null) {
                    deleteTree(temporary);
                }
            } catch (IOException e) {
                err.println("hindsight serve: while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "hindsight-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        stopped.await();
        return Main.EXIT_OK;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
