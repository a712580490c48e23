package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports and the settings are a build's only inputs: the same inputs give the same bytes, a new
 * build replaces the old site as a whole (so removed reports disappear), and a directory Hindsight did
 * not write is never replaced.
 */
class DeterministicOutputTest {
    private static final String REMOVED = "INC-2024-05-28-001";

    @TempDir
    Path temp;

    private Path copyOfTheSample() throws IOException {
        Path copy = temp.resolve("reports");
        try (Stream<Path> walk = Files.walk(BuiltSite.SAMPLE)) {
            for (Path from : walk.toList()) {
                Path to = copy.resolve(BuiltSite.SAMPLE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }

    private List<String> besideTheSite(Path site) throws IOException {
        return AtomicBuildTest.besideTheSite(site);
    }

    @Test
    void twoBuildsOfTheSameReportsAreByteIdentical() {
        BuiltSite first = BuiltSite.sample(temp.resolve("first"));
        BuiltSite second = BuiltSite.sample(temp.resolve("second"));

        Map<String, String> files = BuiltSite.files(first.root());
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(BuiltSite.files(second.root())).isEqualTo(files);
        assertThat(second.result().diagnostics()).isEqualTo(first.result().diagnostics());
    }

    @Test
    void theSameReportsInAnotherDirectoryGiveTheSameSite() throws IOException {
        BuiltSite original = BuiltSite.sample(temp.resolve("first"));
        BuiltSite copied = BuiltSite.build(copyOfTheSample(), temp.resolve("second"), BuiltSite.settings());

        assertThat(BuiltSite.files(copied.root())).isEqualTo(BuiltSite.files(original.root()));
    }

    @Test
    void aNewBuildReplacesAnEarlierHindsightSiteAsAWhole() throws IOException {
        Path out = temp.resolve("site");
        BuiltSite.sample(out);
        Files.writeString(out.resolve("stale.html"), "<p>left over</p>", StandardCharsets.UTF_8);
        Files.createDirectories(out.resolve("incidents/INC-1999-01-01-001"));
        Files.writeString(out.resolve("incidents/INC-1999-01-01-001/index.html"), "old", StandardCharsets.UTF_8);

        BuiltSite again = BuiltSite.sample(out);

        assertThat(again.result().site().written()).isTrue();
        assertThat(BuiltSite.files(out)).isEqualTo(BuiltSite.files(BuiltSite.sample(temp.resolve("fresh")).root()));
        assertThat(besideTheSite(out)).isEmpty();
    }

    @Test
    void aRemovedReportLosesItsPageAndEveryLinkToIt() throws IOException {
        Path reports = copyOfTheSample();
        Path out = temp.resolve("site");
        BuiltSite.build(reports, out, BuiltSite.settings());
        assertThat(out.resolve("incidents/" + REMOVED + "/index.html")).exists();

        Files.delete(reports.resolve("2024/" + REMOVED + ".md"));
        BuiltSite after = BuiltSite.build(reports, out, BuiltSite.settings());

        assertThat(after.result().site().written()).isTrue();
        assertThat(out.resolve("incidents/" + REMOVED)).doesNotExist();
        assertThat(after.page("incidents/index.html").select("table#incidents > tbody > tr")).hasSize(23);
        // Other reports still mention it in their text; no page may link to it.
        assertThat(after.pages()).allSatisfy(page -> assertThat(after.page(page).select("[href*=" + REMOVED + "]"))
                .as(page).isEmpty());
    }

    @Test
    void aDirectoryHindsightDidNotWriteIsNeverReplaced() throws IOException {
        Path out = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(out.resolve("thesis.txt"), "years of work", StandardCharsets.UTF_8);
        Files.createDirectories(out.resolve("figures"));
        Files.writeString(out.resolve("figures/plot.svg"), "<svg/>", StandardCharsets.UTF_8);
        Map<String, String> before = BuiltSite.files(out);

        BuiltSite refused = BuiltSite.sample(out);

        assertThat(refused.result().site().written()).isFalse();
        assertThat(refused.result().site().pages()).isZero();
        assertThat(refused.result().site().diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code().code()).isEqualTo("HS161");
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("refusing to replace", out.getFileName().toString());
        });
        assertThat(BuiltSite.files(out)).isEqualTo(before);
        assertThat(besideTheSite(out)).isEmpty();
    }

    @Test
    void anEmptyDirectoryIsUsedAndAFileInTheWayIsRefused() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path file = Files.writeString(temp.resolve("site.html"), "not a directory", StandardCharsets.UTF_8);

        BuiltSite intoEmpty = BuiltSite.sample(empty);
        BuiltSite ontoFile = BuiltSite.sample(file);

        assertThat(intoEmpty.result().site().written()).isTrue();
        assertThat(empty.resolve(SitePaths.HOME)).isRegularFile();
        assertThat(ontoFile.result().site().written()).isFalse();
        assertThat(ontoFile.result().site().diagnostics()).extracting(Diagnostic::code)
                .extracting(c -> c.code()).containsExactly("HS161");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
        assertThat(besideTheSite(file)).isEmpty();
    }
}
