package dev.hindsight.site;

import dev.hindsight.TestFiles;
import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildPhase;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.build.SiteGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build killed with SIGKILL (in a child JVM, at the start of each phase and while it writes pages)
 * leaves the previous site exactly as it was, and the next build succeeds and clears what the killed one
 * left; two builds on one output directory never interleave: the second fails at once with HS162,
 * across processes too.
 */
class CrashSafetyTest {
    private static final int MANY_REPORTS = 400;

    @TempDir
    Path temp;

    /** Starts {@link ChildBuild} in a fresh JVM with the test class path. */
    private static Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildBuild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to the first line starting with {@code prefix}. */
    private static String await(Process process, String prefix) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("the child ended without printing " + prefix + ": " + seen);
    }

    @ParameterizedTest
    @EnumSource(value = BuildPhase.class, names = {"CACHE_READ", "CACHE_WRITE"}, mode = EnumSource.Mode.EXCLUDE)
    void aBuildKilledAtAnyPhaseLeavesThePreviousSiteAndTheNextBuildSucceeds(BuildPhase phase) throws Exception {
        Path out = temp.resolve("site");
        assertThat(BuiltSite.sample(out).result().site().written()).isTrue();
        Map<String, String> before = BuiltSite.files(out);

        Process killed = child(BuiltSite.SAMPLE.toString(), out.toString(), phase.name());
        assertThat(await(killed, "PAUSED")).isEqualTo("PAUSED " + phase);
        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        killed.waitFor();

        assertThat(BuiltSite.files(out)).isEqualTo(before);
        BuiltSite next = BuiltSite.sample(out);
        assertThat(next.result().site().written()).isTrue();
        assertThat(AtomicBuildTest.besideTheSite(out)).isEmpty();
    }

    /**
     * A cached rebuild (one report's body edited) killed at any phase, the cache's own included: the site may be
     * half updated in place, so the next build must not trust the cache, and must leave the site a full build writes.
     */
    @ParameterizedTest
    @EnumSource(BuildPhase.class)
    void aCachedBuildKilledAtAnyPhaseLeavesNoCacheAndTheNextBuildIsAFullOne(BuildPhase phase) throws Exception {
        Path reports = TestFiles.copyTree(BuiltSite.SAMPLE, temp.resolve("reports"));
        Path out = temp.resolve("site");
        Path cache = temp.resolve("cache");
        BuildRequest request = new BuildRequest(reports, out, BuiltSite.LOAD, BuiltSite.settings());
        assertThat(IncrementalBuild.cachedIn(cache).run(request, BuildListener.SILENT).site().written()).isTrue();
        Path edited = reports.resolve("2025/INC-2025-03-14-001.md");
        Files.writeString(edited, Files.readString(edited) + "\n补充：事后复盘会议记录已归档。\n");

        Process killed = child(reports.toString(), out.toString(), phase.name(), cache.toString());
        assertThat(await(killed, "PAUSED")).isEqualTo("PAUSED " + phase);
        killed.destroyForcibly();
        killed.waitFor();

        BuildResult next = IncrementalBuild.cachedIn(cache).run(request, BuildListener.SILENT);
        assertThat(next.site().pages()).as("a full build").isGreaterThan(100);
        Path full = temp.resolve("full");
        SiteGeneration.run(new BuildRequest(reports, full, BuiltSite.LOAD, BuiltSite.settings()));
        assertThat(BuiltSite.files(out)).isEqualTo(BuiltSite.files(full));
    }

    /**
     * Kills the build while it writes pages: the child builds {@value #MANY_REPORTS} reports (so writing
     * takes long enough to catch it in the act) and is killed as soon as its staging directory holds
     * {@code pages} incident pages.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 60, 240})
    void aBuildKilledWhileWritingPagesLeavesThePreviousSiteAndTheNextBuildSucceeds(int pages) throws Exception {
        Path source = manyReports(temp.resolve("many"));
        Path out = temp.resolve("site");
        assertThat(BuiltSite.sample(out).result().site().written()).isTrue();
        Map<String, String> before = BuiltSite.files(out);

        Process killed = child(source.toString(), out.toString());
        try {
            awaitStagedIncidentPages(killed, out, pages);
        } finally {
            killed.destroyForcibly(); // SIGKILL, halfway through the pages
            killed.waitFor();
        }

        assertThat(BuiltSite.files(out)).isEqualTo(before);
        assertThat(AtomicBuildTest.besideTheSite(out)).as("the killed build's staging directory")
                .anyMatch(name -> name.startsWith(".site.new-"));
        BuiltSite next = BuiltSite.build(source, out, BuiltSite.settings());
        assertThat(next.result().site().written()).isTrue();
        assertThat(BuiltSite.files(out).keySet()).filteredOn(p -> p.matches("incidents/GEN-[^/]+/index\\.html"))
                .hasSize(MANY_REPORTS);
        assertThat(AtomicBuildTest.besideTheSite(out)).isEmpty();
    }

    /** {@value #MANY_REPORTS} small valid reports, one a day from 2025-01-01. */
    private static Path manyReports(Path dir) throws IOException {
        Files.createDirectories(dir);
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < MANY_REPORTS; i++, day = day.plusDays(1)) {
            String id = "GEN-" + day + "-001";
            Files.writeString(dir.resolve(id + ".md"), "---\nid: " + id + "\ntitle: \"Generated report " + i
                    + "\"\nseverity: P" + (1 + i % 4) + "\nstarted: " + day + "T10:00Z\nservices: [service-" + i % 7
                    + "]\ntags: [tag-" + i % 11 + "]\n---\n## Summary\n\nA generated incident, number " + i + ".\n");
        }
        return dir;
    }

    /**
     * Waits until the staging directory of a build of {@code out} holds {@code pages} incident pages.
     * There is no event to wait for in another process, so this polls, every millisecond.
     */
    private static void awaitStagedIncidentPages(Process build, Path out, int pages) throws IOException,
            InterruptedException {
        while (build.isAlive()) {
            try (Stream<Path> staging = Files.list(out.getParent())) {
                for (Path dir : staging.filter(p -> p.getFileName().toString().startsWith(".site.new-")).toList()) {
                    if (incidentPages(dir.resolve("incidents")) >= pages) {
                        return;
                    }
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the build ended before it had written " + pages + " pages: "
                + new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static long incidentPages(Path incidents) throws IOException {
        if (!Files.isDirectory(incidents)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(incidents)) {
            return dirs.filter(d -> Files.exists(d.resolve("index.html"))).count();
        } catch (NoSuchFileException e) {
            return 0; // the build renamed its staging directory into place meanwhile
        }
    }

    @Test
    void theNextBuildRemovesTheHalfWrittenSiteOfAKilledOne() throws IOException {
        Path out = temp.resolve("site");
        BuiltSite.sample(out);
        Path staging = Files.createDirectories(temp.resolve(".site.new-killed/incidents"));
        Files.writeString(staging.resolve("half.html"), "<p>half");

        assertThat(BuiltSite.sample(out).result().site().written()).isTrue();

        assertThat(AtomicBuildTest.besideTheSite(out)).isEmpty();
    }

    @Test
    void aBuildKilledBetweenTheTwoRenamesGetsThePreviousSiteBack() throws IOException {
        Path out = temp.resolve("site");
        BuiltSite.sample(out);
        Map<String, String> before = BuiltSite.files(out);
        Files.move(out, temp.resolve(".site.old-killed")); // the first rename done, the second never

        // A build that fails (a template directory that does not exist) still recovers before failing.
        SiteSettings defaults = BuiltSite.settings();
        BuiltSite failing = BuiltSite.build(BuiltSite.SAMPLE, out, new SiteSettings(defaults.title(), defaults.locale(),
                defaults.asOf(), defaults.zone(), null, null, false, temp.resolve("no-templates")));
        assertThat(failing.result().site().written()).isFalse();
        BuiltSite next = BuiltSite.build(Path.of("src/test/resources/reports/edge"), out, defaults);

        assertThat(next.result().site().written()).isTrue();
        assertThat(BuiltSite.files(out)).isNotEqualTo(before); // the edge reports replaced the restored sample
        assertThat(AtomicBuildTest.besideTheSite(out)).isEmpty();
    }

    @Test
    void aBuildKilledBetweenTheRenamesLeavesTheOldSiteForTheNextToRestore() throws IOException {
        Path out = temp.resolve("site");
        BuiltSite.sample(out);
        Map<String, String> before = BuiltSite.files(out);
        Files.move(out, temp.resolve(".site.old-killed"));

        try (OutputDirectory recovered = new OutputDirectory(out)) {
            assertThat(BuiltSite.files(out)).isEqualTo(before);
        }
    }

    @Test
    void aSecondBuildInThisProcessFailsClearlyAndChangesNothing() throws IOException {
        Path out = temp.resolve("site");
        BuiltSite.sample(out);
        Map<String, String> before = BuiltSite.files(out);

        try (OutputDirectory first = new OutputDirectory(out)) {
            BuiltSite second = BuiltSite.sample(out);

            assertThat(second.result().site().written()).isFalse();
            assertThat(second.result().site().diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.code().code()).isEqualTo("HS162");
                assertThat(d.message()).contains("another build is writing", out.getFileName().toString());
                assertThat(d.hint()).contains("wait for the other build");
            });
            assertThat(BuiltSite.files(out)).isEqualTo(before);
        }
        assertThat(BuiltSite.sample(out).result().site().written()).isTrue();
    }

    @Test
    void aBuildInAnotherProcessFailsClearlyWhileThisOneHoldsTheDirectory() throws Exception {
        Path out = temp.resolve("site");
        BuiltSite.sample(out);

        try (OutputDirectory first = new OutputDirectory(out)) {
            Process second = child(BuiltSite.SAMPLE.toString(), out.toString());
            assertThat(await(second, "CODES")).contains("HS162");
            assertThat(second.waitFor()).isZero();
        }
    }
}
