package dev.hindsight.bench;

import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildPhase;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.site.SiteSettings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One benchmark task in the JVM it was started in: {@code load} (read the corpus) or {@code build} (the whole
 * build as the command line runs it: load, model, exports, search index, static search, related incidents,
 * render and write). Prints one machine-readable line of figures.
 */
public final class RunOnce {
    private RunOnce() {
    }

    /**
     * What one run measured.
     *
     * @param reports     reports loaded
     * @param errors      error diagnostics (a generated corpus should have none)
     * @param seconds     wall time of the whole task
     * @param phases      wall seconds of each {@link BuildPhase}, in order (only load for the load task)
     * @param peakHeapMiB sum of the heap pools' peak usage: an upper bound of the peak heap in use
     * @param peakRssMiB  the process's peak resident set (VmHWM), 0 where /proc is not available
     */
    record Figures(int reports, long errors, double seconds, double[] phases, double peakHeapMiB, double peakRssMiB) {
        double reportsPerSecond() {
            return reports / seconds;
        }

        String toLine() {
            return String.format(Locale.ROOT, "%d %d %.3f %.1f %.1f %s", reports, errors, seconds, peakHeapMiB,
                    peakRssMiB, Arrays.stream(phases).mapToObj(p -> String.format(Locale.ROOT, "%.3f", p))
                            .collect(Collectors.joining(" ")));
        }

        static Figures parse(String line) {
            String[] p = line.strip().split(" ");
            double[] phases = new double[p.length - 5];
            for (int i = 0; i < phases.length; i++) {
                phases[i] = Double.parseDouble(p[5 + i]);
            }
            return new Figures(Integer.parseInt(p[0]), Long.parseLong(p[1]), Double.parseDouble(p[2]), phases,
                    Double.parseDouble(p[3]), Double.parseDouble(p[4]));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%d reports (%d errors): %.3f s, %.0f reports/s, peak heap %.0f MiB, peak RSS %.0f MiB",
                    reports, errors, seconds, reportsPerSecond(), peakHeapMiB, peakRssMiB));
            if (phases.length > 1) {
                text.append(" |");
                for (int i = 0; i < phases.length; i++) {
                    if (!BuildPhase.values()[i].cacheOnly()) { // a build without --cache has none
                        text.append(String.format(Locale.ROOT, " %s %.2f", BuildPhase.values()[i].label(), phases[i]));
                    }
                }
            }
            return text.toString();
        }
    }

    public static void main(String[] args) throws IOException {
        String task = args[0];
        Path corpus = Path.of(args[1]);
        LoadSettings settings = new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES);
        long start = System.nanoTime();
        int reports;
        long errors;
        double[] phases;
        Path out = null;
        if (task.equals("build")) {
            out = Files.createTempDirectory("hindsight-bench-site").resolve("site");
            LocalDate asOf = LocalDate.of(2026, 11, 25);
            double[] seconds = new double[BuildPhase.values().length];
            BuildResult result = SiteGeneration.run(new BuildRequest(corpus, out, settings,
                    SiteSettings.defaults(asOf, ZoneOffset.UTC)), new BuildListener() {
                @Override
                public void phaseFinished(BuildPhase phase, long nanos) {
                    seconds[phase.ordinal()] = nanos / 1e9;
                }
            });
            if (!result.site().written()) {
                throw new IllegalStateException("the site was not written: " + result.site().diagnostics());
            }
            reports = result.load().incidents().size();
            errors = result.load().errorCount();
            phases = seconds;
        } else {
            LoadResult result = new ReportLoader(settings).load(corpus);
            reports = result.incidents().size();
            errors = result.errorCount();
            phases = new double[] {(System.nanoTime() - start) / 1e9};
        }
        double total = (System.nanoTime() - start) / 1e9;
        Figures figures = new Figures(reports, errors, total, phases, peakHeapMiB(), peakRssMiB());
        if (out != null) {
            deleteTree(out.getParent()); // a 10,000-report site is 860 MB; runs must not fill the disk
        }
        System.out.println(figures.toLine());
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    /** VmHWM: the most physical memory the process ever held, which is what a CI runner's limit sees. */
    private static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: no figure.
        }
        return 0;
    }
}
