package dev.hindsight.search;

import dev.hindsight.TestFiles;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is written in segments of consecutive incidents (so they can be indexed in parallel and re-indexed
 * one at a time); read as one, it must be exactly the index a single segment would be.
 */
class IncidentIndexSegmentsTest {
    private static final Function<Incident, String> PAGE = i -> "incidents/" + i.id() + "/index.html";
    private static final List<String> QUERIES = List.of("database", "连接池", "timeout dns", "证书 过期");

    @Test
    void segmentsReadAsOneGiveTheSameSearchDataAndRankingAsOneSegment() throws Exception {
        KnowledgeBase kb = load(SampleSearchSite.SAMPLE);
        IncidentIndex one = IncidentIndex.build(kb, null, 1000);
        IncidentIndex several = IncidentIndex.build(kb, null, 5);

        try (DirectoryReader reader = DirectoryReader.open(several.directory())) {
            assertThat(reader.leaves()).hasSize(5); // 24 incidents in fives
        }
        assertSameData(StaticSearchExport.files(several.directory(), kb, PAGE),
                StaticSearchExport.files(one.directory(), kb, PAGE));
        try (IncidentSearch a = new IncidentSearch(one.directory());
             IncidentSearch b = new IncidentSearch(several.directory())) {
            for (String query : QUERIES) {
                assertThat(b.search(query, 30)).as(query).isEqualTo(a.search(query, 30)).isNotEmpty();
            }
        }
    }

    @Test
    void aRebuildAfterOneEditReindexesOnlyThatIncidentsSegment(@TempDir Path temp) throws Exception {
        Path copy = TestFiles.copyTree(SampleSearchSite.SAMPLE, temp.resolve("reports"));
        KnowledgeBase before = load(copy);
        IncidentIndex previous = IncidentIndex.build(before, null, 5);
        Path edited = copy.resolve("2025/INC-2025-03-14-001.md");
        Files.writeString(edited, Files.readString(edited) + "\nA postscript about the zeppelin hangar.\n");
        KnowledgeBase after = load(copy); // every incident a new object: unchanged ones are equal, not the same

        IncidentIndex rebuilt = IncidentIndex.build(after, previous, 5);

        assertThat(rebuilt.reindexedSegments()).isEqualTo(1);
        assertSameData(StaticSearchExport.files(rebuilt.directory(), after, PAGE),
                StaticSearchExport.files(IncidentIndex.build(after, null, 5).directory(), after, PAGE));
        try (IncidentSearch search = new IncidentSearch(rebuilt.directory())) {
            assertThat(search.search("zeppelin", 5)).extracting(SearchHit::id).containsExactly("INC-2025-03-14-001");
        }
        assertThat(IncidentIndex.build(after, rebuilt, 5).reindexedSegments()).isZero();
        assertThat(IncidentIndex.build(after, rebuilt, 7).reindexedSegments()).as("other segment size").isEqualTo(4);
    }

    @Test
    void anUpdatedExportIsExactlyTheExportOfTheEditedReports(@TempDir Path temp) throws Exception {
        Path copy = TestFiles.copyTree(SampleSearchSite.SAMPLE, temp.resolve("reports"));
        KnowledgeBase kb = load(copy);
        IncidentIndex index = IncidentIndex.build(kb, null, 5);
        StaticSearchExport export = StaticSearchExport.export(index.directory(), kb, PAGE);
        List<String[]> edits = List.of(
                new String[] {"2025/INC-2025-03-14-001.md", "\nA postscript about the zeppelin hangar.\n"}, // new word
                new String[] {"2025/INC-2025-03-14-001.md", null}, // the word gone again
                new String[] {"2026/INC-2026-11-18-001.md", "\nredis redis redis ingress 证书\n"}, // frequencies, norms
                new String[] {"2024/INC-2024-02-06-001.md", "\n# A second heading\n\nMore words here.\n"});
        for (String[] edit : edits) {
            Path file = copy.resolve(edit[0]);
            String original = Files.readString(SampleSearchSite.SAMPLE.resolve(edit[0]));
            Files.writeString(file, edit[1] == null ? original : Files.readString(file) + edit[1]);
            KnowledgeBase edited = load(copy);
            index = IncidentIndex.build(edited, index, 5);

            export = export.update(index.directory(), edited);

            assertSameData(export.files(), StaticSearchExport.files(index.directory(), edited, PAGE));
        }
    }

    @Test
    void aOneOffBuildWritesEightSegmentsOnceThereAreEnoughReportsForThem(@TempDir Path temp) throws Exception {
        assertThat(IncidentIndex.oneOffSegmentSize(24)).isEqualTo(IncidentIndex.SEGMENT_SIZE);
        assertThat(IncidentIndex.oneOffSegmentSize(8 * 256)).isEqualTo(256);
        assertThat(IncidentIndex.oneOffSegmentSize(8 * 256 + 1)).isEqualTo(257);
        assertThat(IncidentIndex.oneOffSegmentSize(10_000)).isEqualTo(1250);
        assertThat(IncidentIndex.oneOffSegmentSize(8 * 2048)).isEqualTo(2048);
        assertThat(IncidentIndex.oneOffSegmentSize(50_000)).as("one flush per segment").isEqualTo(2048);

        KnowledgeBase kb = load(SampleSearchSite.SAMPLE);
        IncidentIndex onDisk = IncidentIndex.buildOnDisk(kb, temp.resolve("index"));
        try (DirectoryReader reader = DirectoryReader.open(onDisk.directory())) {
            assertThat(reader.leaves()).hasSize(1);
        }
        assertSameData(StaticSearchExport.files(onDisk.directory(), kb, PAGE),
                StaticSearchExport.files(IncidentIndex.build(kb).directory(), kb, PAGE));
    }

    @Test
    void aOneOffIndexInTheHeapHasTheFilesOfOneOnDisk(@TempDir Path temp) throws Exception {
        // Which of the two a build uses depends on the heap it runs in; its site must not.
        KnowledgeBase kb = load(SampleSearchSite.SAMPLE);
        IncidentIndex onDisk = IncidentIndex.buildOnDisk(kb, temp.resolve("index"));
        IncidentIndex inHeap = IncidentIndex.buildOneOff(kb);

        assertThat(inHeap.fileNames()).containsExactlyElementsOf(onDisk.fileNames());
        for (String name : onDisk.fileNames()) {
            assertThat(bytes(inHeap, name)).as(name).isEqualTo(bytes(onDisk, name));
        }
    }

    private static byte[] bytes(IncidentIndex index, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        index.copyFile(name, out);
        return out.toByteArray();
    }

    private static void assertSameData(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(new String(actual.get(path), StandardCharsets.UTF_8)).as(path)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static KnowledgeBase load(Path reports) {
        return new KnowledgeBase(new ReportLoader(new LoadSettings(SampleSearchSite.ZONE,
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(reports).incidents(), SampleSearchSite.AS_OF);
    }
}
