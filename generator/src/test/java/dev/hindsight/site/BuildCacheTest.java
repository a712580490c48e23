package dev.hindsight.site;

import dev.hindsight.TestFiles;
import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildPhase;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.build.SiteGeneration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build cache is used only when it describes the site and the request exactly: anything else (a damaged file,
 * another request, a site written meanwhile without it, a build that did not finish) makes the next build a full
 * one, which writes the same site.
 */
class BuildCacheTest {
    private static final String EDITED = "2025/INC-2025-03-14-001.md";

    @TempDir
    Path temp;
    private Path reports;
    private Path cache;
    private int allPages;

    @BeforeEach
    void firstBuild() throws IOException {
        reports = TestFiles.copyTree(BuiltSite.SAMPLE, temp.resolve("reports"));
        cache = temp.resolve("cache");
        allPages = build(request()).site().pages();
        assertThat(cache.resolve("build.bin")).exists();
    }

    @Test
    void aNewProcessAfterABodyEditReadsTheCacheAndRendersTwoPages() throws IOException {
        editBody();
        List<BuildPhase> phases = new ArrayList<>();
        BuildResult result = IncrementalBuild.cachedIn(cache).run(request(), new BuildListener() {
            @Override
            public void phaseStarted(BuildPhase phase) {
                phases.add(phase);
            }

            @Override
            public void phaseFinished(BuildPhase phase, long nanos) {
            }
        });
        assertThat(phases).contains(BuildPhase.CACHE_READ, BuildPhase.CACHE_WRITE);
        assertThat(result.site().pages()).isEqualTo(2);
        assertSameAsFullBuild(result);
    }

    @Test
    void everyDamagedCacheFileMakesAFullBuildOfTheSameSite() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(cache)) {
            files = walk.filter(f -> f.toString().endsWith(".bin")).sorted().toList(); // not the empty lock file
        }
        assertThat(files).hasSizeGreaterThan(4);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] damaged = bytes.clone();
            damaged[damaged.length / 2] ^= 0x20;
            Files.write(file, damaged);
            editBody();

            assertNextBuildIsFull("with %s damaged", cache.relativize(file));
        }
    }

    @Test
    void editsAreSavedAsChangesBesideTheReportsFileAndReadByTheNextProcesses() throws IOException {
        ageReports(); // as reports are between builds; so far all were read within moments of being copied
        assertThat(build(request()).site().pages()).isZero();
        byte[] whole = Files.readAllBytes(cache.resolve("reports.bin"));
        for (int edit = 0; edit < 2; edit++) {
            editBody();
            BuildResult result = build(request());
            assertThat(result.site().pages()).isEqualTo(2);
            assertSameAsFullBuild(result);
        }
        assertThat(cache.resolve("reports.bin")).hasBinaryContent(whole);
        assertThat(cache.resolve("reports.bin.changes")).exists();
        assertThat(build(request()).site().pages()).as("nothing changed since").isZero();
    }

    @Test
    void damagedChangesMakeAFullBuildOfTheSameSite() throws IOException {
        ageReports();
        build(request());
        editBody();
        build(request());
        Path changes = cache.resolve("reports.bin.changes");
        byte[] bytes = Files.readAllBytes(changes);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(changes, bytes);
        editBody();

        assertNextBuildIsFull();
    }

    @Test
    void aTruncatedReportsFileMakesAFullBuild() throws IOException {
        Path file = cache.resolve("reports.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        editBody();
        assertNextBuildIsFull();
    }

    @Test
    void anotherRequestMakesAFullBuild() throws IOException {
        editBody();
        BuildRequest other = new BuildRequest(reports, temp.resolve("site"), BuiltSite.LOAD,
                SiteSettings.defaults(BuiltSite.AS_OF.plusDays(1), BuiltSite.ZONE));
        assertThat(build(other).site().pages()).isEqualTo(allPages);
        editBody();
        assertThat(build(other).site().pages()).as("the cache is now of the other request").isEqualTo(2);
    }

    @Test
    void aSiteWrittenMeanwhileWithoutTheCacheMakesAFullBuild() throws IOException {
        editBody();
        SiteGeneration.run(request()); // the site now holds the edit; the cache still describes the one before
        editBody();
        assertNextBuildIsFull();
    }

    @Test
    void aBuildThatDidNotFinishLeavesNoCache() throws IOException {
        // What a build killed while it changed the site leaves: the other files, but not the one that vouches for them.
        Files.delete(cache.resolve("build.bin"));
        editBody();
        assertNextBuildIsFull();
    }

    @Test
    void aCacheThatCannotBeWrittenIsAWarningAndTheSiteIsStillWritten() throws IOException {
        cache = temp.resolve("not-a-directory");
        Files.writeString(cache, "a file where the cache directory should be");
        editBody();

        BuildResult result = build(request());

        assertThat(result.site().written()).isTrue();
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.code().code()).isEqualTo("HS163");
            assertThat(d.message()).contains(cache.toString(), "next build will be a full one");
        });
        assertThat(cache).hasContent("a file where the cache directory should be");
        Path fresh = temp.resolve("full");
        SiteGeneration.run(new BuildRequest(reports, fresh, BuiltSite.LOAD, BuiltSite.settings()));
        assertThat(BuiltSite.files(temp.resolve("site"))).isEqualTo(BuiltSite.files(fresh));
    }

    @Test
    void aSiteChangedByAnotherToolMakesAFullBuild() throws IOException {
        Files.delete(temp.resolve("site/lessons/index.html"));
        Files.writeString(temp.resolve("site/CNAME"), "kb.example.com\n");
        editBody();
        assertNextBuildIsFull();
    }

    /** Found by the modification time of the directory each lands in. */
    @ParameterizedTest
    @ValueSource(strings = {"CNAME", "incidents/INC-2025-03-14-001/notes.txt", "search/terms/extra.js", "drafts/"})
    void aFileOrDirectoryAddedToTheSiteMakesAFullBuild(String added) throws IOException {
        Path path = temp.resolve("site").resolve(added);
        if (added.endsWith("/")) {
            Files.createDirectory(path);
        } else {
            Files.writeString(path, "added by hand\n");
        }
        editBody();
        assertNextBuildIsFull();
    }

    /**
     * On a file system whose clock ticks in seconds, a file added in the tick the cache was written in leaves its
     * directory's time as it was: the entries of such recent directories are compared by name.
     */
    @Test
    void aFileAddedWithinTheTickOfARecentDirectoryIsFoundByItsEntries() throws IOException {
        LongSupplier clock = RenderedSiteFile.clock;
        RenderedSiteFile.clock = () -> 0; // every directory as recent as a coarse clock's tick
        try {
            editBody();
            assertThat(build(request()).site().pages()).isEqualTo(2);
            editBody();
            assertThat(build(request()).site().pages()).as("the entries are as the cache says").isEqualTo(2);
            Path directory = temp.resolve("site/incidents/INC-2025-03-14-001");
            FileTime before = Files.getLastModifiedTime(directory);
            Files.writeString(directory.resolve("notes.txt"), "added by hand\n");
            Files.setLastModifiedTime(directory, before);
            editBody();

            assertNextBuildIsFull();
        } finally {
            RenderedSiteFile.clock = clock;
        }
    }

    @Test
    void aPageRestoredFromAnOlderCopyMakesAFullBuild() throws IOException {
        Path page = temp.resolve("site/incidents/INC-2025-03-14-001/index.html");
        byte[] before = Files.readAllBytes(page);
        editBody();
        assertThat(build(request()).site().pages()).isEqualTo(2);
        Files.write(page, before); // as a backup or another checkout puts it back
        assertNextBuildIsFull();
    }

    @Test
    void aLinkedDraftThatAppearsIsNoticed() throws IOException {
        Path report = reports.resolve(EDITED);
        Files.writeString(report, Files.readString(report) + "\n见 [值班手册](_runbook.md)。\n");
        build(request());
        Files.writeString(reports.resolve("2025/_runbook.md"), "# 值班手册\n");
        assertNextBuildIsFull("another file beside the reports: a full build");
    }

    @Test
    void aCacheHeldByAnotherBuildIsNeitherReadNorWritten() throws IOException {
        editBody();
        try (FileChannel other = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.WRITE);
             FileLock held = other.lock()) {
            assertThat(held.isValid()).isTrue();
        }
        // Held in this JVM, as a second builder of the same cache would find it.
        try (FileChannel other = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.WRITE)) {
            other.lock();
            BuildResult result = build(request());
            assertThat(result.site().pages()).isEqualTo(allPages);
            assertThat(result.diagnostics()).anySatisfy(d -> {
                assertThat(d.code().code()).isEqualTo("HS163");
                assertThat(d.message()).contains("another build is using it");
            });
        }
        assertThat(cache.resolve("build.bin")).as("left as the other build would").exists();
        editBody();
        assertNextBuildIsFull("the cache no longer matches the site");
    }

    private BuildResult build(BuildRequest request) {
        return IncrementalBuild.cachedIn(cache).run(request, BuildListener.SILENT);
    }

    /**
     * Dates every report an hour back. A report read within two seconds of its last change is read again by the
     * next build (its time may not tell a second change apart), and its cache entry is renewed.
     */
    private void ageReports() throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, anHourAgo);
            }
        }
    }

    private void editBody() throws IOException {
        Path file = reports.resolve(EDITED);
        Files.writeString(file, Files.readString(file) + "\n补充一句：" + System.nanoTime() + "\n");
    }

    private BuildRequest request() {
        return new BuildRequest(reports, temp.resolve("site"), BuiltSite.LOAD, BuiltSite.settings());
    }

    /** Builds with the cache: it must be a full build, whose site is the same as one built without it. */
    private void assertNextBuildIsFull() {
        assertNextBuildIsFull("a full build");
    }

    private void assertNextBuildIsFull(String description, Object... args) {
        BuildResult result = build(request());
        assertThat(result.site().pages()).as(description, args).isEqualTo(allPages);
        assertSameAsFullBuild(result);
    }

    private void assertSameAsFullBuild(BuildResult incremental) {
        assertThat(incremental.site().written()).as("%s", incremental.diagnostics()).isTrue();
        Path fresh = temp.resolve("full-" + System.nanoTime());
        BuildResult full = SiteGeneration.run(new BuildRequest(reports, fresh, BuiltSite.LOAD, BuiltSite.settings()));
        assertThat(BuiltSite.files(temp.resolve("site"))).isEqualTo(BuiltSite.files(fresh));
        assertThat(incremental.diagnostics()).isEqualTo(full.diagnostics());
    }
}
