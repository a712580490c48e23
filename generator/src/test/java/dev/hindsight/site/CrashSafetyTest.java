package dev.hindsight.site;

import dev.hindsight.build.BuildPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build killed with SIGKILL (in a child JVM, at the start of each phase) leaves the previous site
 * exactly as it was, and the next build succeeds and clears what the killed one left; two builds on
 * one output directory never interleave: the second fails at once with HS162, across processes too.
 */
class CrashSafetyTest {
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
    @EnumSource(BuildPhase.class)
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
