package dev.hindsight.bench;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.site.SiteBuilder;
import dev.hindsight.site.SiteResult;
import dev.hindsight.site.SiteSettings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One benchmark task in the JVM it was started in: {@code load} (read the corpus) or {@code build}
 * (read it and render the site). Prints one machine-readable line of figures.
 */
public final class RunOnce {
    private RunOnce() {
    }

    /**
     * What one run measured.
     *
     * @param reports      reports loaded
     * @param errors       error diagnostics (a generated corpus should have none)
     * @param loadSeconds  wall time of loading, including the directory walk
     * @param renderSeconds wall time of rendering and writing the site (0 for {@code load})
     * @param peakHeapMiB  sum of the heap pools' peak usage: an upper bound of the peak heap in use
     * @param peakRssMiB   the process's peak resident set (VmHWM), 0 where /proc is not available
     */
    record Figures(int reports, long errors, double loadSeconds, double renderSeconds, double peakHeapMiB,
                   double peakRssMiB) {
        double seconds() {
            return loadSeconds + renderSeconds;
        }

        double reportsPerSecond() {
            return reports / seconds();
        }

        String toLine() {
            return String.format(Locale.ROOT, "%d %d %.3f %.3f %.1f %.1f", reports, errors, loadSeconds,
                    renderSeconds, peakHeapMiB, peakRssMiB);
        }

        static Figures parse(String line) {
            String[] p = line.strip().split(" ");
            return new Figures(Integer.parseInt(p[0]), Long.parseLong(p[1]), Double.parseDouble(p[2]),
                    Double.parseDouble(p[3]), Double.parseDouble(p[4]), Double.parseDouble(p[5]));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d reports (%d errors): load %.3f s + render %.3f s = %.3f s, "
                            + "%.0f reports/s, peak heap %.0f MiB, peak RSS %.0f MiB", reports, errors, loadSeconds,
                    renderSeconds, seconds(), reportsPerSecond(), peakHeapMiB, peakRssMiB);
        }
    }

    public static void main(String[] args) throws IOException {
        String task = args[0];
        Path corpus = Path.of(args[1]);
        LoadSettings settings = new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES);
        long start = System.nanoTime();
        LoadResult result = new ReportLoader(settings).load(corpus);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        double renderSeconds = 0;
        if (task.equals("build")) {
            Path out = Files.createTempDirectory("hindsight-bench-site").resolve("site");
            LocalDate asOf = LocalDate.of(2026, 11, 25);
            long renderStart = System.nanoTime();
            KnowledgeBase kb = new KnowledgeBase(result.incidents(), asOf);
            SiteResult site = new SiteBuilder(SiteSettings.defaults(asOf, ZoneOffset.UTC)).build(kb, corpus, out);
            renderSeconds = (System.nanoTime() - renderStart) / 1e9;
            if (!site.written()) {
                throw new IllegalStateException("the site was not written: " + site.diagnostics());
            }
        }
        System.out.println(new Figures(result.incidents().size(), result.errorCount(), loadSeconds, renderSeconds,
                peakHeapMiB(), peakRssMiB()).toLine());
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
