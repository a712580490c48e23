package dev.hindsight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags the {@code hindsight} launcher gives a batch run ({@code generator/src/main/bin/hindsight}), so that
 * benchmarks measure what users run: the quick compiler alone and early, the throughput collector promoting what
 * survives a young collection at once, a heap that starts at its maximum size, and transparent huge pages where
 * Linux offers them.
 */
final class LauncherFlags {
    private static final Path HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private LauncherFlags() {
    }

    /** The launcher's flags for {@code build}, then {@code heap} (e.g. {@code -Xmx768m}). */
    static List<String> batch(String heap) {
        List<String> flags = new ArrayList<>(List.of(heap, "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=0.1", "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0",
                "-XX:InitialRAMPercentage=25"));
        if (hugePagesOffered()) {
            flags.add("-XX:+UseTransparentHugePages");
        }
        return flags;
    }

    /** The launcher's test: the kernel's mode is "always" or "madvise" (the selected one is in brackets). */
    private static boolean hugePagesOffered() {
        try {
            String mode = Files.readString(HUGE_PAGES);
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException e) {
            return false; // not Linux, or no such pages
        }
    }
}
