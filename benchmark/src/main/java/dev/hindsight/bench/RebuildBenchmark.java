package dev.hindsight.bench;

import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildPhase;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.site.SiteSettings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the preview server does after a save, measured: one full build, then edit one report and rebuild in the
 * same JVM ({@link IncrementalBuild}), several times, printing each rebuild's phases and the median. The edit
 * adds a sentence to the body of the first report.
 *
 * <p>Usage: {@code java -Xmx768m -cp hindsight-benchmark.jar dev.hindsight.bench.RebuildBenchmark
 * [--count 10000] [--runs 5]} (generates the corpus under target/ when missing).
 */
public final class RebuildBenchmark {
    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = 10_000;
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--count N --runs N)");
            }
        }
        Path corpus = editableCorpus(count);
        Path out = Files.createTempDirectory("hindsight-rebuild").resolve("site");
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        BuildRequest request = new BuildRequest(corpus, out, new LoadSettings(ZoneOffset.UTC,
                LoadSettings.DEFAULT_MAX_REPORT_BYTES), SiteSettings.defaults(asOf, ZoneOffset.UTC));
        IncrementalBuild builds = new IncrementalBuild();
        long start = System.nanoTime();
        builds.run(request, BuildListener.SILENT);
        System.out.printf(Locale.ROOT, "full build: %.3f s%n", (System.nanoTime() - start) / 1e9);
        Path edited = reportToEdit(corpus);
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Files.writeString(edited, Files.readString(edited) + "\nEdited in run " + run + ".\n");
            double[] phases = new double[BuildPhase.values().length];
            long[] allocated = new long[BuildPhase.values().length];
            long allocatedBefore = allocatedBytes();
            start = System.nanoTime();
            BuildResult result = builds.run(request, new BuildListener() {
                private long phaseStart;

                @Override
                public void phaseStarted(BuildPhase phase) {
                    phaseStart = allocatedBytes();
                }

                @Override
                public void phaseFinished(BuildPhase phase, long nanos) {
                    phases[phase.ordinal()] = nanos / 1e9;
                    allocated[phase.ordinal()] = allocatedBytes() - phaseStart;
                }
            });
            double total = (System.nanoTime() - start) / 1e9;
            seconds.add(total);
            long allocatedTotal = allocatedBytes() - allocatedBefore;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "rebuild %d: %.3f s, %d MB allocated (parsed %d, reused %d, rendered %d pages) |", run, total,
                    allocatedTotal / 1_000_000, builds.lastLoad().parsed(), builds.lastLoad().reused(), result.site().pages()));
            for (BuildPhase phase : BuildPhase.pipeline()) { // one process: no build cache to read or write
                line.append(String.format(Locale.ROOT, " %s %.2f s/%d MB", phase.label(), phases[phase.ordinal()],
                        allocated[phase.ordinal()] / 1_000_000));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "median rebuild of %d: %.3f s%n", runs, Benchmark.median(seconds));
        RunOnce.deleteTree(out.getParent());
    }

    /**
     * The corpus the rebuild benchmarks edit (generated under target/ when missing): its own copy, since every run
     * leaves a sentence in one report.
     */
    static Path editableCorpus(int count) throws IOException {
        Path corpus = Path.of("target", "corpus-" + count + "-edited");
        if (!Files.isDirectory(corpus)) {
            CorpusGenerator.generate(count, 42, corpus);
        }
        return corpus;
    }

    /** The report the rebuild benchmarks add a sentence to: the first by path. */
    static Path reportToEdit(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
    }

    /**
     * Bytes allocated so far by the threads alive now: allocation drives the collections that make a rebuild's
     * time jump, so it is printed beside the time. Threads that ended are missed; the build's pool threads live on.
     */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(bytes, 0);
        }
        return sum;
    }
}
