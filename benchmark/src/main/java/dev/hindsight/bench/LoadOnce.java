package dev.hindsight.bench;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;

/** One load of a corpus, in the JVM it was started in; prints one machine-readable line of figures. */
public final class LoadOnce {
    private LoadOnce() {
    }

    /**
     * What one run measured.
     *
     * @param reports     reports loaded
     * @param errors      error diagnostics (a generated corpus should have none)
     * @param seconds     wall time of {@link ReportLoader#load}, including the directory walk
     * @param peakHeapMiB sum of the heap pools' peak usage: an upper bound of the peak heap in use
     */
    record Figures(int reports, long errors, double seconds, double peakHeapMiB) {
        double reportsPerSecond() {
            return reports / seconds;
        }

        String toLine() {
            return String.format(Locale.ROOT, "reports=%d errors=%d seconds=%.3f peakHeapMiB=%.1f", reports, errors,
                    seconds, peakHeapMiB);
        }

        static Figures parse(String line) {
            String[] parts = line.split(" ");
            return new Figures(Integer.parseInt(value(parts[0])), Long.parseLong(value(parts[1])),
                    Double.parseDouble(value(parts[2])), Double.parseDouble(value(parts[3])));
        }

        private static String value(String part) {
            return part.substring(part.indexOf('=') + 1);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d reports (%d errors) in %.3f s = %.0f reports/s, peak heap %.0f MiB",
                    reports, errors, seconds, reportsPerSecond(), peakHeapMiB);
        }
    }

    public static void main(String[] args) {
        Path corpus = Path.of(args[0]);
        ReportLoader loader = new ReportLoader(new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES));
        long start = System.nanoTime();
        LoadResult result = loader.load(corpus);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(new Figures(result.incidents().size(), result.errorCount(), seconds,
                peak / (1024.0 * 1024.0)).toLine());
    }
}
