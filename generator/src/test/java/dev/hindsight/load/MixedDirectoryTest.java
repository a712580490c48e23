package dev.hindsight.load;

import dev.hindsight.cli.Main;
import dev.hindsight.model.ReportStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad report among fifteen good ones (both styles) costs that report only: the others load, and
 * {@code hindsight check} fails the build for it and passes once it is gone.
 */
class MixedDirectoryTest {
    private static final Path MIXED = Path.of("src/test/resources/reports/mixed");
    private static final String BAD = "bad-severity.md";

    private static LoadResult load(Path directory) {
        return new ReportLoader(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES))
                .load(directory);
    }

    private static int check(Path directory) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "check", "--source", directory.toString(), "--as-of", "2026-11-25");
    }

    @Test
    void theFifteenGoodReportsLoadAndTheBadOneIsLeftOut() {
        LoadResult result = load(MIXED);

        assertThat(result.reportFiles()).isEqualTo(16);
        assertThat(result.incidents()).hasSize(15);
        assertThat(result.incidents()).extracting(i -> i.source().path()).doesNotContain(BAD);
    }

    @Test
    void reportsInDirectoriesHundredsDeepAndBesideIgnoredOnesAreFound(@TempDir Path source) throws IOException {
        Path deep = source;
        for (int level = 0; level < 800; level++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        String good;
        try (Stream<Path> reports = Files.list(MIXED)) {
            good = Files.readString(reports.filter(p -> !p.getFileName().toString().equals(BAD)).sorted().findFirst()
                    .orElseThrow());
        }
        Files.writeString(deep.resolve("deep.md"), good);
        Files.createDirectories(source.resolve("_drafts"));
        Files.writeString(source.resolve("_drafts/draft.md"), good);

        LoadResult result = load(source);

        assertThat(result.reportFiles()).isEqualTo(1);
        assertThat(result.incidents()).singleElement()
                .satisfies(i -> assertThat(i.source().path()).endsWith("/d/deep.md").hasSize(800 * 2 + 7));
        // Deepest first, here: JUnit's own clean-up of such a tree takes seconds.
        try (Stream<Path> tree = Files.walk(source.resolve("d"))) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void theOnlyFindingIsTheBadReportsError() {
        LoadResult result = load(MIXED);

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo(BAD);
            assertThat(d.isError()).isTrue();
            assertThat(d.code().code()).isEqualTo("HS122");
            assertThat(d.line()).isEqualTo(4);
        });
    }

    @Test
    void theGoodReportsUseBothStyles() {
        List<ReportStyle> styles = load(MIXED).incidents().stream().map(i -> i.source().style()).toList();

        assertThat(styles).filteredOn(s -> s == ReportStyle.FRONT_MATTER).hasSize(9);
        assertThat(styles).filteredOn(s -> s == ReportStyle.SEED_TEMPLATE).hasSize(6);
    }

    @Test
    void checkExitsWithOneWhenAReportHasAnError() {
        assertThat(check(MIXED)).isEqualTo(1);
    }

    @Test
    void checkExitsWithZeroOnceTheBadReportIsGone(@TempDir Path copy) throws IOException {
        try (Stream<Path> files = Files.list(MIXED)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(BAD)).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        assertThat(load(copy).incidents()).hasSize(15);
        assertThat(check(copy)).isZero();
    }
}
