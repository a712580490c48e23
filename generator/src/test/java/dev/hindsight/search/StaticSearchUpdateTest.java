package dev.hindsight.search;

import dev.hindsight.TestFiles;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export updated in place after an edit (every incident keeping its place) holds the files a fresh export of
 * the edited reports does, also when the edit changes what the filters list or how many term shards there are.
 */
class StaticSearchUpdateTest {
    private static final Function<Incident, String> PAGE = i -> "incidents/" + i.id() + "/index.html";
    private static final String REPORT = "2025/INC-2025-01-14-001.md";
    /** An English report, and a sentence of its body. */
    private static final String ENGLISH = "2026/INC-2026-02-11-001.md";
    private static final String SENTENCE = "Banks kept showing both charges for days after the refund, which caused most "
            + "support contacts.";
    private static final Pattern SHARDS = Pattern.compile("\"termShards\":(\\d+)");

    @TempDir
    Path temp;
    private Path reports;
    private IncidentIndex index;
    private StaticSearchExport export;

    @BeforeEach
    void exportTheSample() throws IOException {
        reports = TestFiles.copyTree(SampleSearchSite.SAMPLE, temp.resolve("reports"));
        KnowledgeBase kb = load();
        index = IncidentIndex.build(kb, null, 5);
        export = StaticSearchExport.export(index.directory(), kb, PAGE);
    }

    @Test
    void severityServiceAndYearEditsWriteTheFacetsAFreshExportWrites() throws IOException {
        assertSameAsFreshExportAfter("severity: P2", "severity: P1");
        assertSameAsFreshExportAfter("services: [redis-cache, product-catalog, catalog-postgres]",
                "services: [redis-cache, product-catalog, catalog-postgres, search-gateway]");
        // Still between its neighbours (2024-11-29 and 2025-03-14), so it keeps its place, in another year.
        assertSameAsFreshExportAfter("started: 2025-01-14T01:00+08:00", "started: 2024-12-20T01:00+08:00");
        assertSameAsFreshExportAfter("severity: P1", "severity: P2");
    }

    @Test
    void editsThatChangeTheShardCountWriteTheShardsAFreshExportWrites() throws IOException {
        int shards = shards(export);
        String words = IntStream.range(0, 20_000).mapToObj(n -> "zeppelin" + n).collect(Collectors.joining(" "));
        String original = Files.readString(reports.resolve(REPORT));

        update(original + "\n" + words + "\n");
        assertThat(shards(export)).as("more terms, more shards").isGreaterThan(shards);
        update(original);
        assertThat(shards(export)).as("back to the sample's").isEqualTo(shards);
    }

    @Test
    void bodyEditsThatKeepOrMoveTheNormsWriteTheFilesAFreshExportWrites() throws IOException {
        String original = Files.readString(reports.resolve(ENGLISH));
        // A word for a word: the body's length, so its norm, stays; then one word more, a new one.
        assertSameAsFreshExportAfter(ENGLISH, "Banks kept", "Lenders kept");
        assertSameAsFreshExportAfter(ENGLISH, "Lenders kept", "Lenders nearly kept");
        // Hundreds of words more move the body's norm, which every entry of the report's body terms carries.
        String words = IntStream.range(0, 400).mapToObj(n -> "word" + n % 150).collect(Collectors.joining(" "));
        update(ENGLISH, original + "\n" + words + "\n");
        // And back, a paragraph shorter than before.
        update(ENGLISH, original.replace(SENTENCE, ""));
        update(ENGLISH, original);
    }

    @Test
    void aWordReplacedInTheBodyChangesThePostingsOfTwoTermsOnly() throws IOException {
        String original = Files.readString(reports.resolve(ENGLISH));
        KnowledgeBase before = load();
        ExportedPostings postings;
        try (DirectoryReader reader = DirectoryReader.open(index.directory())) {
            postings = ExportedPostings.read(reader);
        }
        Files.writeString(reports.resolve(ENGLISH), original.replace("Banks kept", "Lenders kept"));
        KnowledgeBase after = load();
        index = IncidentIndex.build(after, index, 5);
        int doc = documentOf(after, ENGLISH);
        Map<SearchField, Map<String, Integer>> was = IndexedIncident.termCounts(before.incidents().get(doc));
        Map<SearchField, Map<String, Integer>> is = IndexedIncident.termCounts(after.incidents().get(doc));

        try (DirectoryReader reader = DirectoryReader.open(index.directory())) {
            assertThat(postings.changedTerms(reader, doc, was, is)).containsExactlyInAnyOrder("banks", "lenders");

            // Its sentence gone, the body is a little shorter, but its norm (a byte for its length) is the same.
            Files.writeString(reports.resolve(ENGLISH), original.replace(SENTENCE, ""));
            KnowledgeBase shorter = load();
            index = IncidentIndex.build(shorter, index, 5);
            try (DirectoryReader shorterReader = DirectoryReader.open(index.directory())) {
                Map<SearchField, Map<String, Integer>> now = IndexedIncident.termCounts(shorter.incidents().get(doc));
                assertThat(postings.changedTerms(shorterReader, doc, was, now)).containsExactlyInAnyOrder(
                        "banks", "kept", "showing", "both", "charges", "days", "after", "refund", "which", "caused",
                        "most", "support", "contacts");
            }

            // Hundreds of words more: every term of the body changes, its entries carrying the new norm.
            String words = IntStream.range(0, 400).mapToObj(n -> "word" + n % 150).collect(Collectors.joining(" "));
            Files.writeString(reports.resolve(ENGLISH), original + "\n" + words + "\n");
            KnowledgeBase longer = load();
            index = IncidentIndex.build(longer, index, 5);
            try (DirectoryReader longerReader = DirectoryReader.open(index.directory())) {
                Map<SearchField, Map<String, Integer>> now = IndexedIncident.termCounts(longer.incidents().get(doc));
                Map<String, Integer> body = was.get(SearchField.BODY);
                List<String> elsewhere = was.entrySet().stream().filter(field -> field.getKey() != SearchField.BODY)
                        .flatMap(field -> field.getValue().keySet().stream())
                        .filter(term -> !body.containsKey(term)).distinct().toList();
                assertThat(elsewhere).as("terms of other fields only").isNotEmpty();
                assertThat(postings.changedTerms(longerReader, doc, was, now))
                        .containsAll(body.keySet())
                        .contains("word0", "word149")
                        .doesNotContainAnyElementsOf(elsewhere);
            }
        }
    }

    private static int documentOf(KnowledgeBase kb, String path) {
        return IntStream.range(0, kb.incidents().size())
                .filter(n -> kb.incidents().get(n).source().path().equals(path)).findFirst().orElseThrow();
    }

    private void assertSameAsFreshExportAfter(String from, String to) throws IOException {
        assertSameAsFreshExportAfter(REPORT, from, to);
    }

    private void assertSameAsFreshExportAfter(String path, String from, String to) throws IOException {
        String text = Files.readString(reports.resolve(path));
        assertThat(text).contains(from);
        update(path, text.replace(from, to));
    }

    private void update(String report) throws IOException {
        update(REPORT, report);
    }

    /** Writes the report, updates the export in place and compares it with a fresh export of the reports. */
    private void update(String file, String report) throws IOException {
        Files.writeString(reports.resolve(file), report);
        KnowledgeBase edited = load();
        index = IncidentIndex.build(edited, index, 5);

        StaticSearchExport updated = export.update(index.directory(), edited);

        assertThat(updated).as("updated in place").isSameAs(export);
        Map<String, byte[]> fresh = StaticSearchExport.files(index.directory(), edited, PAGE);
        Map<String, byte[]> files = updated.files();
        assertThat(files.keySet()).containsExactlyElementsOf(fresh.keySet());
        fresh.forEach((path, bytes) -> assertThat(text(files.get(path))).as(path).isEqualTo(text(bytes)));
    }

    private KnowledgeBase load() {
        return new KnowledgeBase(new ReportLoader(new LoadSettings(SampleSearchSite.ZONE,
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(reports).incidents(), SampleSearchSite.AS_OF);
    }

    private static int shards(StaticSearchExport export) {
        Matcher matcher = SHARDS.matcher(text(export.files().get(StaticSearchExport.META)));
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
