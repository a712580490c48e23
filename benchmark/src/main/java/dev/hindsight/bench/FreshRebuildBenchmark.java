package dev.hindsight.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code hindsight build --cache} (and so {@code mvn site} with the plugin's defaults) costs after one edit:
 * a full build that writes the build cache, then, several times, a sentence added to one report's body and a build
 * in a new process, timed from outside (JVM start included). Prints each run's wall time and the phases the build
 * reported, then the median.
 *
 * <p>Usage: {@code java -cp hindsight-benchmark.jar dev.hindsight.bench.FreshRebuildBenchmark [--count 10000]
 * [--runs 5] [--jvm-arg ARG]...} (default JVM arguments: the launcher's, and {@code -Xmx768m}).
 */
public final class FreshRebuildBenchmark {
    private FreshRebuildBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int count = 10_000;
        int runs = 5;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--count N --runs N --jvm-arg ARG)");
            }
        }
        if (jvmArgs.isEmpty()) {
            jvmArgs = LauncherFlags.batch("-Xmx768m");
        }
        Path corpus = RebuildBenchmark.editableCorpus(count);
        Path work = Files.createTempDirectory("hindsight-fresh-rebuild");
        Path out = work.resolve("site");
        Path cache = work.resolve("cache");
        Build full = build(jvmArgs, corpus, out, cache);
        System.out.printf(Locale.ROOT, "full build with the cache written: %.3f s |%s%n", full.seconds(), full.phases());
        Path edited = RebuildBenchmark.reportToEdit(corpus);
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Files.writeString(edited, Files.readString(edited) + "\nEdited in a new process, run " + run + ".\n");
            Build rebuild = build(jvmArgs, corpus, out, cache);
            seconds.add(rebuild.seconds());
            System.out.printf(Locale.ROOT, "rebuild %d in a new process: %.3f s |%s%n", run, rebuild.seconds(),
                    rebuild.phases());
        }
        System.out.printf(Locale.ROOT, "median rebuild in a new process of %d: %.3f s%n", runs, Benchmark.median(seconds));
        RunOnce.deleteTree(work);
    }

    /** One process's wall time, and the phase lines its {@code --verbose} output gave, joined. */
    private record Build(double seconds, String phases) {
    }

    private static Build build(List<String> jvmArgs, Path corpus, Path out, Path cache)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.hindsight.cli.Main", "build",
                "--source", corpus.toString(), "--out", out.toString(), "--cache", cache.toString(),
                "--as-of", "2026-11-25", "--verbose"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder phases = new StringBuilder();
        String last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // The verbose phase lines are indented "  name   1,234 ms"; warnings about reports are not.
                if (line.startsWith("  ") && line.endsWith(" ms")) {
                    phases.append(' ').append(line.strip().replaceAll(" {2,}", " "));
                }
                last = line;
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit > 1) {
            throw new IOException("the build failed (exit " + exit + "): " + last);
        }
        return new Build(seconds, phases.toString());
    }
}
