package dev.hindsight.load;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's parse cache: a load with it gives exactly what a load without it gives, and parses only the
 * files whose bytes changed.
 */
class ReportCacheTest {
    private static final LoadSettings SETTINGS = new LoadSettings(ZoneId.of("Asia/Shanghai"),
            LoadSettings.DEFAULT_MAX_REPORT_BYTES);

    @TempDir
    Path source;
    private final ReportCache cache = new ReportCache();

    @BeforeEach
    void copyFixture() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/reports/metrics"))) {
            for (Path file : files.toList()) {
                Files.copy(file, source.resolve(file.getFileName()));
            }
        }
        Files.writeString(source.resolve("broken.md"), "---\nid: BAD-1\ntitle: Broken\nseverity: P9\nstarted: 2026-01-01\n---\n");
    }

    private LoadResult cached() {
        return new ReportLoader(SETTINGS, cache).load(source);
    }

    private LoadResult uncached() {
        return new ReportLoader(SETTINGS).load(source);
    }

    @Test
    void aSecondLoadReusesEveryFileAndGivesTheSameResult() {
        LoadResult first = cached();
        assertThat(cache.lastLoad()).isEqualTo(new ReportCache.Counts(7, 0));
        LoadResult second = cached();

        assertThat(cache.lastLoad()).isEqualTo(new ReportCache.Counts(0, 7));
        assertThat(second.incidents()).isEqualTo(first.incidents()).isEqualTo(uncached().incidents());
        assertThat(second.diagnostics()).isEqualTo(uncached().diagnostics()).isNotEmpty();
    }

    @Test
    void onlyAChangedFileIsParsedAgain() throws IOException {
        cached();
        Path report = source.resolve("MET-3.md");
        Files.writeString(report, Files.readString(report).replace("Database disk filled up", "Database disk full"));

        LoadResult after = cached();
        assertThat(cache.lastLoad()).isEqualTo(new ReportCache.Counts(1, 6));
        assertThat(after.incidents()).isEqualTo(uncached().incidents());
        assertThat(after.incidents()).anySatisfy(i -> assertThat(i.title()).isEqualTo("Database disk full"));
    }

    @Test
    void aDeletedOrFixedReportIsNotServedFromTheCache() throws IOException {
        cached();
        Files.delete(source.resolve("MET-6.md"));
        Files.writeString(source.resolve("broken.md"), "---\nid: BAD-1\ntitle: Fixed\nseverity: P3\nstarted: 2026-01-01\n---\n");

        LoadResult after = cached();
        assertThat(after.incidents()).extracting(i -> i.id()).doesNotContain("MET-6").contains("BAD-1");
        assertThat(after.diagnostics()).isEqualTo(uncached().diagnostics());
        assertThat(cache.lastLoad()).isEqualTo(new ReportCache.Counts(1, 5));
    }

    @Test
    void theCacheForgetsDeletedAndRenamedReportsAndKeepsTheOthers() throws IOException {
        cached();
        assertThat(cache.incident("MET-6.md")).isNotNull();
        Files.delete(source.resolve("MET-6.md"));
        cached();
        assertThat(cache.incident("MET-6.md")).as("deleted").isNull();
        assertThat(cache.incident("MET-3.md")).isNotNull();

        // As many files as before, one of them new: the renamed report's old path goes.
        Files.move(source.resolve("MET-3.md"), source.resolve("MET-3-renamed.md"));
        cached();
        assertThat(cache.incident("MET-3.md")).as("renamed").isNull();
        assertThat(cache.incident("MET-3-renamed.md")).isNotNull();
        assertThat(cache.lastLoad()).isEqualTo(new ReportCache.Counts(1, 5));
    }

    @Test
    void aFileModifiedJustBeforeItWasReadIsReadAgainEvenWithTheSameSizeAndTime() throws IOException {
        Path report = source.resolve("MET-3.md");
        FileTime modified = Files.getLastModifiedTime(report); // copied just now: within the racy window
        cached();
        Files.writeString(report, Files.readString(report).replace("Database disk filled up", "Database disk filled UP"));
        Files.setLastModifiedTime(report, modified);

        assertThat(cached().incidents()).anySatisfy(i -> assertThat(i.title()).isEqualTo("Database disk filled UP"));
    }

    @Test
    void aFileUntouchedSinceLongBeforeItWasReadIsNotReadAgain() throws IOException {
        Path report = source.resolve("MET-3.md");
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(report, anHourAgo);
        cached();
        // Same size, same time: the cache trusts them as git trusts its index (editors always move the time).
        Files.writeString(report, Files.readString(report).replace("Database disk filled up", "Database disk filled UP"));
        Files.setLastModifiedTime(report, anHourAgo);

        assertThat(cached().incidents()).anySatisfy(i -> assertThat(i.title()).isEqualTo("Database disk filled up"));
        assertThat(cache.lastLoad()).isEqualTo(new ReportCache.Counts(0, 7)); // nothing parsed
        Files.setLastModifiedTime(report, FileTime.from(Instant.now()));
        assertThat(cached().incidents()).anySatisfy(i -> assertThat(i.title()).isEqualTo("Database disk filled UP"));
    }
}
