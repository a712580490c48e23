package dev.hindsight.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The benchmark: generates a corpus (once, deterministically), then runs a task on it in a fresh JVM
 * per run and prints each run and the medians. Tasks: {@code load} (read the reports) and {@code build}
 * (read them and render the site). A fresh JVM per run is what a user's build pays: no warm JIT, no
 * warm caches.
 *
 * <pre>java -cp benchmark/target/hindsight-benchmark.jar dev.hindsight.bench.Benchmark \
 *     [--task load|build] [--count 10000] [--runs 5] [--corpus target/corpus-10000] [--jvm-arg -Xmx1g]...</pre>
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String task = "load";
        int count = 10_000;
        int runs = 5;
        Path corpus = null;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--task" -> task = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --task load|build --count N --runs N --corpus DIR --jvm-arg ARG)");
            }
        }
        if (jvmArgs.isEmpty()) {
            jvmArgs.add("-Xmx1g");
        }
        if (corpus == null) {
            corpus = Path.of("target", "corpus-" + count);
        }
        if (!Files.isDirectory(corpus)) {
            System.out.println("generating " + count + " reports into " + corpus + " ...");
            CorpusGenerator.generate(count, 42, corpus);
        }
        if (!task.equals("load") && !task.equals("build")) {
            throw new IllegalArgumentException("--task must be load or build");
        }
        System.out.println(task + ": corpus " + corpus + ", " + Runtime.getRuntime().availableProcessors() + " cores, JVM "
                + String.join(" ", jvmArgs) + ", " + runs + " runs, each in a fresh JVM");
        List<RunOnce.Figures> all = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            RunOnce.Figures figures = runInFreshJvm(task, corpus, jvmArgs);
            System.out.printf("run %d: %s%n", run, figures);
            all.add(figures);
        }
        System.out.printf("median of %d: %.3f s, %.0f reports/s, peak heap %.0f MiB, peak RSS %.0f MiB%n", runs,
                median(all.stream().map(RunOnce.Figures::seconds).toList()),
                median(all.stream().map(RunOnce.Figures::reportsPerSecond).toList()),
                median(all.stream().map(RunOnce.Figures::peakHeapMiB).toList()),
                median(all.stream().map(RunOnce.Figures::peakRssMiB).toList()));
        int phases = all.get(0).phases().length;
        if (phases > 1) {
            System.out.println("median per phase (s):");
            for (int i = 0; i < phases; i++) {
                int phase = i;
                if (dev.hindsight.build.BuildPhase.values()[i].cacheOnly()) {
                    continue; // a build without --cache has none
                }
                System.out.printf("  %-14s %7.3f%n", dev.hindsight.build.BuildPhase.values()[i].label(),
                        median(all.stream().map(f -> f.phases()[phase]).toList()));
            }
        }
    }

    private static RunOnce.Figures runInFreshJvm(String task, Path corpus, List<String> jvmArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RunOnce.class.getName());
        command.add(task);
        command.add(corpus.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IOException("the " + task + " run failed: " + last);
        }
        return RunOnce.Figures.parse(last);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
