package dev.hindsight.load;

import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.cache.CacheWriter;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parse cache saved to a file and restored in another process: every entry comes back equal, so a load through
 * it parses only the reports that changed since, and any file that is not a complete cache of this version is
 * refused.
 */
class ReportCachePersistenceTest {
    private static final LoadSettings SETTINGS = new LoadSettings(ZoneId.of("Asia/Shanghai"),
            LoadSettings.DEFAULT_MAX_REPORT_BYTES);
    /** Every report corpus of the tests (valid, broken, hostile, both forms) and the sample site's reports. */
    private static final List<Path> CORPORA = List.of(Path.of("src/test/resources/reports"),
            Path.of("../sample-site/src/postmortems"));
    private static final String EDITED = "corpus-0/metrics/MET-3.md";

    @TempDir
    Path source;
    @TempDir
    Path cacheDirectory;
    private Path cacheFile;
    private int reportCount;

    @BeforeEach
    void copyCorpora() throws IOException {
        cacheFile = cacheDirectory.resolve("reports.cache");
        // An hour old, as files are between builds: their size and time are trusted, not only their bytes.
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (int i = 0; i < CORPORA.size(); i++) {
            Path corpus = CORPORA.get(i);
            Path target = source.resolve("corpus-" + i);
            try (Stream<Path> files = Files.walk(corpus)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".md")).toList()) {
                    Path copy = target.resolve(corpus.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                    Files.setLastModifiedTime(copy, anHourAgo);
                    reportCount++;
                }
            }
        }
    }

    private LoadResult load(ReportCache cache) {
        return new ReportLoader(SETTINGS, cache).load(source);
    }

    @Test
    void everyRestoredEntryEqualsTheSavedOne() throws IOException {
        SortedMap<String, ReportCache.Entry> saved = saved().snapshot();
        SortedMap<String, ReportCache.Entry> restored = ReportCache.restore(cacheFile).snapshot();

        assertThat(saved).hasSize(reportCount);
        assertThat(restored.keySet()).containsExactlyElementsOf(saved.keySet());
        for (Map.Entry<String, ReportCache.Entry> each : saved.entrySet()) {
            ReportCache.Entry before = each.getValue();
            ReportCache.Entry after = restored.get(each.getKey());
            assertThat(after.digest()).isEqualTo(before.digest());
            assertThat(after.size()).isEqualTo(before.size());
            assertThat(after.modifiedMillis()).isEqualTo(before.modifiedMillis());
            assertThat(after.readMillis()).isEqualTo(before.readMillis());
            assertThat(after.result()).isEqualTo(before.result());
            // Map equality ignores order; custom templates show the extra keys as the file had them.
            assertThat(String.valueOf(after.result())).isEqualTo(String.valueOf(before.result()));
        }
    }

    @Test
    void aLoadThroughTheRestoredCacheParsesNothingAndGivesTheSameResult() throws IOException {
        ReportCache cache = new ReportCache();
        LoadResult first = load(cache);
        cache.save(cacheFile);

        ReportCache restored = ReportCache.restore(cacheFile);
        LoadResult second = load(restored);

        assertThat(restored.lastLoad()).isEqualTo(new ReportCache.Counts(0, reportCount));
        assertThat(second.incidents()).isEqualTo(first.incidents()).isNotEmpty();
        assertThat(second.diagnostics()).isEqualTo(first.diagnostics()).isNotEmpty();
        assertThat(second.incidents()).isEqualTo(new ReportLoader(SETTINGS).load(source).incidents());
    }

    @Test
    void afterOneEditTheRestoredCacheParsesOnlyThatFile() throws IOException {
        saved();
        retitle("Database disk full");

        ReportCache restored = ReportCache.restore(cacheFile);
        LoadResult after = load(restored);

        assertThat(restored.lastLoad()).isEqualTo(new ReportCache.Counts(1, reportCount - 1));
        assertThat(after.incidents()).anySatisfy(i -> assertThat(i.title()).isEqualTo("Database disk full"));
        assertThat(after.incidents()).isEqualTo(new ReportLoader(SETTINGS).load(source).incidents());
    }

    /** Like git's index: a restored entry's size and time are trusted as they were in the process that saved it. */
    @Test
    void anUnchangedSizeAndTimeAreTrustedAfterRestoreWithoutReadingTheFile() throws IOException {
        saved();
        Path report = source.resolve(EDITED);
        FileTime modified = Files.getLastModifiedTime(report);
        retitle("Database disk filled UP"); // same size
        Files.setLastModifiedTime(report, modified);

        LoadResult after = load(ReportCache.restore(cacheFile));

        assertThat(after.incidents()).anySatisfy(i -> assertThat(i.title()).isEqualTo("Database disk filled up"));
    }

    @Test
    void savingAfterAFewChangesWritesOnlyThemBesideTheWholeFile() throws IOException {
        ReportCache cache = saved();
        byte[] whole = Files.readAllBytes(cacheFile);
        Files.delete(source.resolve(EDITED));
        Path edited = source.resolve("corpus-0/metrics/MET-1.md");
        Files.writeString(edited, Files.readString(edited) + "\nOne more sentence.\n");
        LoadResult now = load(cache);
        cache.save(cacheFile);

        assertThat(Files.readAllBytes(cacheFile)).as("the whole file is left as it was").isEqualTo(whole);
        Path changes = ReportCache.changesOf(cacheFile);
        assertThat(Files.size(changes)).isLessThan(whole.length / 10);
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            assertThat(files).containsExactlyInAnyOrder(cacheFile, changes);
        }
        ReportCache restored = ReportCache.restore(cacheFile);
        assertThat(restored.snapshot()).hasSize(reportCount - 1);
        assertThat(load(restored).incidents()).isEqualTo(now.incidents());
        assertThat(restored.lastLoad()).isEqualTo(new ReportCache.Counts(0, reportCount - 1));
    }

    @Test
    void changesAccumulateUntilTheyAreManyThenTheWholeFileIsWrittenAgain() throws IOException {
        ReportCache cache = saved();
        byte[] whole = Files.readAllBytes(cacheFile);
        retitle("Database disk full");
        load(cache);
        cache.save(cacheFile);
        // A second process edits another report: its changes hold both edits, against the same whole file.
        ReportCache second = ReportCache.restore(cacheFile);
        Path other = source.resolve("corpus-0/metrics/MET-1.md");
        Files.writeString(other, Files.readString(other) + "\nOne more sentence.\n");
        load(second);
        second.save(cacheFile);
        assertThat(Files.readAllBytes(cacheFile)).isEqualTo(whole);
        assertThat(load(ReportCache.restore(cacheFile)).incidents()).isEqualTo(load(new ReportCache()).incidents());

        // Every report touched: more than an eighth changed, so the whole file is written and the changes go.
        List<Path> reports;
        try (Stream<Path> files = Files.walk(source)) {
            reports = files.filter(f -> f.toString().endsWith(".md")).toList();
        }
        for (Path report : reports) {
            Files.writeString(report, Files.readString(report) + "\n");
        }
        LoadResult now = load(second);
        second.save(cacheFile);

        assertThat(Files.readAllBytes(cacheFile)).isNotEqualTo(whole);
        assertThat(ReportCache.changesOf(cacheFile)).doesNotExist();
        ReportCache restored = ReportCache.restore(cacheFile);
        assertThat(load(restored).incidents()).isEqualTo(now.incidents());
        assertThat(restored.lastLoad()).isEqualTo(new ReportCache.Counts(0, reportCount));
    }

    @Test
    void changesLeftBesideANewerWholeFileAreNotApplied() throws IOException {
        ReportCache cache = saved();
        String original = Files.readString(source.resolve(EDITED));
        retitle("Database disk full");
        load(cache);
        cache.save(cacheFile);
        Path changes = ReportCache.changesOf(cacheFile);
        byte[] stale = Files.readAllBytes(changes);
        // A new whole file (a full build) of the reports as they were, then the old changes put back beside it.
        Files.writeString(source.resolve(EDITED), original);
        saved();
        Files.write(changes, stale);

        ReportCache restored = ReportCache.restore(cacheFile);

        assertThat(load(restored).incidents()).noneSatisfy(i -> assertThat(i.title()).isEqualTo("Database disk full"));
        assertThat(restored.lastLoad()).isEqualTo(new ReportCache.Counts(0, reportCount));
    }

    @Test
    void damagedChangesAreRefused() throws IOException {
        ReportCache cache = saved();
        retitle("Database disk full");
        load(cache);
        cache.save(cacheFile);
        Path changes = ReportCache.changesOf(cacheFile);
        byte[] bytes = Files.readAllBytes(changes);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(changes, bytes);

        assertThatThrownBy(() -> ReportCache.restore(cacheFile)).isInstanceOf(CacheFormatException.class);
    }

    @Test
    void aTruncatedCacheIsRefused() throws IOException {
        byte[] bytes = savedBytes();
        for (int length : new int[] {0, 3, 8, bytes.length / 2, bytes.length - 1}) {
            Files.write(cacheFile, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> ReportCache.restore(cacheFile)).isInstanceOf(CacheFormatException.class);
        }
    }

    @Test
    void aCacheWithOneByteChangedIsRefused() throws IOException {
        byte[] bytes = savedBytes();
        for (int at : new int[] {0, 5, bytes.length / 3, bytes.length - 5, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x01;
            Files.write(cacheFile, damaged);
            assertThatThrownBy(() -> ReportCache.restore(cacheFile)).isInstanceOf(CacheFormatException.class);
        }
    }

    @Test
    void aCacheFileOfAnotherKindOrVersionIsRefused() throws IOException {
        for (String kind : List.of("hindsight-reports-0", "hindsight-search-1", IncidentCodec.KIND + "x")) {
            try (CacheWriter out = CacheWriter.create(cacheFile, kind)) {
                out.writeInt(0);
            }
            assertThatThrownBy(() -> ReportCache.restore(cacheFile)).isInstanceOf(CacheFormatException.class)
                    .hasMessageContaining(kind);
        }
    }

    @Test
    void aCompleteFileThatDoesNotDecodeIsRefusedAsAFormatError() throws IOException {
        try (CacheWriter out = CacheWriter.create(cacheFile, IncidentCodec.KIND)) {
            out.writeLong(7); // the whole file's token
            out.writeInt(1); // one entry, then nothing where a path and a result should be
            out.writeString(null);
        }

        assertThatThrownBy(() -> ReportCache.restore(cacheFile)).isInstanceOf(CacheFormatException.class);
    }

    @Test
    void theKindNamesTheFormatVersion() {
        assertThat(IncidentCodec.KIND).startsWith("hindsight-reports-2;");
    }

    /** A cache of every report, loaded and saved. */
    private ReportCache saved() throws IOException {
        ReportCache cache = new ReportCache();
        load(cache);
        cache.save(cacheFile);
        return cache;
    }

    private byte[] savedBytes() throws IOException {
        saved();
        return Files.readAllBytes(cacheFile);
    }

    /** Gives the edited report another title, as an author would. */
    private void retitle(String title) throws IOException {
        Path report = source.resolve(EDITED);
        Files.writeString(report, Files.readString(report).replace("Database disk filled up", title));
    }
}
