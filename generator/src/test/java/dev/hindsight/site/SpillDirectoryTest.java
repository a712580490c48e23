package dev.hindsight.site;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.load.LoadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-off build's scratch directory: what goes in comes out, and nothing of it outlives its build. */
class SpillDirectoryTest {
    @TempDir
    Path temp;

    private static byte[] contentOf(ExtraFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        file.content().writeTo(out);
        return out.toByteArray();
    }

    private List<String> work(Path site) throws IOException {
        try (Stream<Path> entries = Files.list(site.getParent())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.contains(".work-")).toList();
        }
    }

    @Test
    void spilledFilesComeBackAsTheyWentInAndTheDirectoryGoesWhenClosed() throws IOException {
        Path site = temp.resolve("site");
        List<byte[]> contents = IntStream.range(0, 50)
                .mapToObj(i -> ("file " + i + " ").repeat(i * 997).getBytes(StandardCharsets.UTF_8)).toList();
        try (SpillDirectory spill = SpillDirectory.beside(site)) {
            List<ExtraFile> files = IntStream.range(0, contents.size())
                    .mapToObj(i -> spill.spill("search/terms/" + i + ".js", contents.get(i))).toList();
            assertThat(work(site)).hasSize(1);
            // read back out of order and more than once, as pages written on several threads would
            for (int i = files.size() - 1; i >= 0; i--) {
                assertThat(contentOf(files.get(i))).isEqualTo(contents.get(i));
                assertThat(files.get(i).sitePath()).isEqualTo("search/terms/" + i + ".js");
            }
            assertThat(contentOf(files.get(3))).isEqualTo(contents.get(3));
        }
        assertThat(work(site)).isEmpty();
    }

    @Test
    void aKilledBuildsDirectoryIsRemovedButARunningBuildsIsNot() throws IOException {
        Path site = temp.resolve("site");
        Path killedWithLock = temp.resolve(".site.work-killed");
        Files.createDirectories(killedWithLock);
        Files.writeString(killedWithLock.resolve(".lock"), ""); // nobody holds it
        Path killedEarly = temp.resolve(".site.work-early"); // killed before it made its lock file
        Files.createDirectories(killedEarly);
        Files.setLastModifiedTime(killedEarly, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path justMade = temp.resolve(".site.work-starting"); // its build is about to make its lock file
        Files.createDirectories(justMade);
        try (SpillDirectory running = SpillDirectory.beside(site)) {
            try (SpillDirectory next = SpillDirectory.beside(site)) {
                assertThat(work(site)).doesNotContain(killedWithLock.getFileName().toString(),
                        killedEarly.getFileName().toString()).contains(justMade.getFileName().toString()).hasSize(3);
            }
        }
        assertThat(work(site)).containsExactly(justMade.getFileName().toString());
    }

    @Test
    void anOutputWhereNothingCanBeWrittenIsADiagnosticNotAnException() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        BuildRequest request = new BuildRequest(BuiltSite.SAMPLE, file.resolve("site"), LoadSettings.defaults(),
                SiteSettings.defaults(LocalDate.of(2026, 11, 25), ZoneId.of("UTC")));
        var result = SiteGeneration.run(request);
        assertThat(result.site().written()).isFalse();
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.code().name()).isEqualTo("OUTPUT_ERROR");
            assertThat(d.message()).contains("the site was not written").contains("not-a-directory");
        });
    }

    @Test
    void aBuildLeavesNothingBesideTheSite() throws IOException {
        Path site = temp.resolve("site");
        BuildRequest request = new BuildRequest(BuiltSite.SAMPLE, site, LoadSettings.defaults(),
                SiteSettings.defaults(LocalDate.of(2026, 11, 25), ZoneId.of("UTC")));
        assertThat(SiteGeneration.run(request).site().written()).isTrue();
        assertThat(site.resolve("search/meta.js")).exists();
        assertThat(work(site)).isEmpty();
        assertThat(AtomicBuildTest.besideTheSite(site)).isEmpty();
    }
}
