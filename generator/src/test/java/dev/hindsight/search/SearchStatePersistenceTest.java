package dev.hindsight.search;

import dev.hindsight.TestFiles;
import dev.hindsight.cache.CacheFormatException;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search stage's kept state (the index in segments, the static search export, the related incidents) saved
 * by one process and restored by the next: restored, it has the same files and lists, and an edit brings it to
 * exactly what the same edit brings the saved state to in the process that saved it. A file that is cut short,
 * damaged, of another kind or of other reports is refused with a {@link CacheFormatException}.
 */
class SearchStatePersistenceTest {
    private static final Function<Incident, String> PAGE = i -> "incidents/" + i.id() + "/index.html";
    private static final int LIMIT = 5;
    /** Small segments, so that the sample's 24 incidents make five and an edit leaves most of them alone. */
    private static final int SEGMENT_SIZE = 5;
    private static final String REPORT = "2025/INC-2025-01-14-001.md";

    @TempDir
    Path temp;
    private Path reports;
    private KnowledgeBase kb;
    private IncidentIndex index;
    private StaticSearchExport export;
    private RelatedIncidents related;
    private Path indexFile;
    private Path exportFile;
    private Path relatedFile;

    @BeforeEach
    void buildAndSaveTheSample() throws IOException {
        reports = TestFiles.copyTree(SampleSearchSite.SAMPLE, temp.resolve("reports"));
        kb = load();
        index = IncidentIndex.build(kb, null, SEGMENT_SIZE);
        index.files(); // as the site writes them, so that the saved index knows its files' checksums
        export = StaticSearchExport.export(index.directory(), kb, PAGE);
        related = RelatedIncidents.find(kb, LIMIT);
        indexFile = temp.resolve("index.cache");
        exportFile = temp.resolve("search-export.cache");
        relatedFile = temp.resolve("related.cache");
        index.save(indexFile);
        export.save(exportFile);
        related.save(relatedFile);
    }

    @Test
    void restoredStateHasTheSavedFilesAndLists() throws IOException {
        KnowledgeBase reloaded = load(); // a new process: the same reports, other objects
        IncidentIndex restoredIndex = IncidentIndex.restore(indexFile, reloaded);
        StaticSearchExport restoredExport = StaticSearchExport.restore(exportFile, reloaded, PAGE);
        RelatedIncidents restoredRelated = RelatedIncidents.restore(relatedFile, reloaded);

        assertSameBytes(restoredIndex.files(), index.files());
        assertSameBytes(StaticSearchExport.files(restoredIndex.directory(), reloaded, PAGE), export.files());
        assertSameBytes(restoredExport.files(), export.files());
        assertThat(restoredRelated.byId()).isEqualTo(related.byId());
        assertThat(restoredRelated.changedSince(related)).isEmpty();
    }

    /** Joining copies the segments' files as they are: the file holds their bytes once, not twice. */
    @Test
    void theSavedIndexHoldsTheJoinedFilesOnlyOnce() throws IOException {
        long joinedBytes = index.files().values().stream().mapToLong(bytes -> bytes.length).sum();

        assertThat(Files.size(indexFile)).isLessThan(joinedBytes + joinedBytes / 5);
    }

    @Test
    void aBodyEditUpdatesTheRestoredStateAsItUpdatesTheSavedOne() throws IOException {
        assertRestoredUpdatesAsSavedAfter(() -> edit(REPORT, text -> text + "\nA postscript about the zeppelin.\n"));
    }

    @Test
    void aServicesEditUpdatesTheRestoredStateAsItUpdatesTheSavedOne() throws IOException {
        assertRestoredUpdatesAsSavedAfter(() -> edit(REPORT, text -> text.replace(
                "services: [redis-cache, product-catalog, catalog-postgres]",
                "services: [redis-cache, product-catalog, catalog-postgres, search-gateway]")));
    }

    @Test
    void anAddedReportUpdatesTheRestoredStateAsItUpdatesTheSavedOne() throws IOException {
        assertRestoredUpdatesAsSavedAfter(() -> {
            String copy = Files.readString(reports.resolve(REPORT))
                    .replace("INC-2025-01-14-001", "INC-2025-01-15-001").replace("2025-01-14", "2025-01-15");
            Files.writeString(reports.resolve("2025/INC-2025-01-15-001.md"), copy);
        });
    }

    @Test
    void aRemovedReportUpdatesTheRestoredStateAsItUpdatesTheSavedOne() throws IOException {
        assertRestoredUpdatesAsSavedAfter(() -> Files.delete(reports.resolve(REPORT)));
    }

    @Test
    void aFileCutShortIsRefused() throws IOException {
        for (Path file : List.of(indexFile, exportFile, relatedFile)) {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        }

        assertAllRefused(kb);
    }

    @Test
    void aDamagedFileIsRefused() throws IOException {
        for (Path file : List.of(indexFile, exportFile, relatedFile)) {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x10;
            Files.write(file, bytes);
        }

        assertAllRefused(kb);
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
        Path report = reports.resolve(REPORT);

        assertThatThrownBy(() -> IncidentIndex.restore(relatedFile, kb)).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> StaticSearchExport.restore(indexFile, kb, PAGE))
                .isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> RelatedIncidents.restore(exportFile, kb)).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> RelatedIncidents.restore(report, kb)).isInstanceOf(CacheFormatException.class);
    }

    @Test
    void aStateOfOtherReportsIsRefused() throws IOException {
        Files.delete(reports.resolve(REPORT));

        assertAllRefused(load());
    }

    /** A change of the report files. */
    @FunctionalInterface
    private interface Edit {
        void apply() throws IOException;
    }

    /**
     * Restores the saved state as a new process would, makes the edit, brings both the restored state and the one
     * that was saved up to date with the edited reports, and compares them: the index's files, every data file of
     * the static search, and every related list.
     */
    private void assertRestoredUpdatesAsSavedAfter(Edit edit) throws IOException {
        KnowledgeBase reloaded = load();
        IncidentIndex restoredIndex = IncidentIndex.restore(indexFile, reloaded);
        StaticSearchExport restoredExport = StaticSearchExport.restore(exportFile, reloaded, PAGE);
        RelatedIncidents restoredRelated = RelatedIncidents.restore(relatedFile, reloaded);
        edit.apply();
        KnowledgeBase edited = load();

        IncidentIndex updatedIndex = IncidentIndex.build(edited, index, SEGMENT_SIZE);
        IncidentIndex updatedRestoredIndex = IncidentIndex.build(edited, restoredIndex, SEGMENT_SIZE);
        StaticSearchExport updatedExport = export.update(updatedIndex.directory(), edited);
        StaticSearchExport updatedRestoredExport = restoredExport.update(updatedRestoredIndex.directory(), edited);
        RelatedIncidents updatedRelated = related.update(edited);
        RelatedIncidents updatedRestoredRelated = restoredRelated.update(edited);

        assertThat(updatedRestoredIndex.reindexedSegments()).isEqualTo(updatedIndex.reindexedSegments());
        assertSameBytes(updatedRestoredIndex.files(), updatedIndex.files());
        assertSameBytes(updatedRestoredExport.files(), updatedExport.files());
        assertThat(updatedRestoredRelated.byId()).isEqualTo(updatedRelated.byId());
        assertThat(updatedRestoredRelated.recomputed()).isEqualTo(updatedRelated.recomputed());
    }

    private void assertAllRefused(KnowledgeBase with) {
        assertThatThrownBy(() -> IncidentIndex.restore(indexFile, with)).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> StaticSearchExport.restore(exportFile, with, PAGE))
                .isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> RelatedIncidents.restore(relatedFile, with))
                .isInstanceOf(CacheFormatException.class);
    }

    private void edit(String report, Function<String, String> change) throws IOException {
        Path file = reports.resolve(report);
        String before = Files.readString(file);
        String after = change.apply(before);
        assertThat(after).isNotEqualTo(before);
        Files.writeString(file, after);
    }

    private static void assertSameBytes(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(new String(actual.get(path), StandardCharsets.ISO_8859_1))
                .as(path).isEqualTo(new String(bytes, StandardCharsets.ISO_8859_1)));
    }

    private KnowledgeBase load() {
        return new KnowledgeBase(new ReportLoader(new LoadSettings(SampleSearchSite.ZONE,
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(reports).incidents(), SampleSearchSite.AS_OF);
    }
}
