package dev.hindsight.export;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackingReport;
import dev.hindsight.site.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry of exports: a fixed list, byte-identical renders, and every file at the root of a built site. */
class ExportsTest {
    private static final List<String> FILES = List.of("actions.csv", "actions.json", "actions.ics", "incidents.json",
            "tracking-report.txt", "feed.xml", "robots.txt");

    @TempDir
    Path temp;

    @Test
    void listsTheSevenExportsInAFixedOrder() {
        assertThat(Exports.all()).extracting(Export::fileName).containsExactlyElementsOf(FILES);
    }

    @Test
    void everyExportStreamsExactlyItsRender() throws IOException {
        // thousands of items: the streamed exports pass their text on in many pieces
        for (KnowledgeBase kb : List.of(ExportFixtures.manyItems(3000), SampleKnowledgeBase.load())) {
            for (ExportContext context : List.of(SampleKnowledgeBase.ENGLISH, SampleKnowledgeBase.CHINESE_WITH_BASE_URL)) {
                for (Export export : Exports.all()) {
                    java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
                    export.write(kb, context, streamed);
                    assertThat(streamed.toByteArray()).as(export.fileName()).isEqualTo(export.render(kb, context));
                }
            }
        }
        // and, independently of how the pieces are passed on: every item once, in the tracker's order
        KnowledgeBase many = ExportFixtures.manyItems(3000);
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        export("actions.csv").write(many, SampleKnowledgeBase.ENGLISH, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text.length()).isGreaterThan(200_000);
        int at = -1;
        for (int i = 0; i < 3000; i++) {
            int next = text.indexOf("," + "A" + i + ",");
            assertThat(next).as("item A%d", i).isGreaterThan(at);
            assertThat(text.indexOf("," + "A" + i + ",", next + 1)).as("item A%d once", i).isEqualTo(-1);
            at = next;
        }
        java.io.ByteArrayOutputStream ics = new java.io.ByteArrayOutputStream();
        export("actions.ics").write(many, SampleKnowledgeBase.ENGLISH, ics);
        assertThat(ics.toString(StandardCharsets.UTF_8).split("BEGIN:VTODO", -1)).hasSize(many.tracker().open().size() + 1);
    }

    private static Export export(String fileName) {
        return Exports.all().stream().filter(e -> e.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    @Test
    void everyExportIsByteIdenticalAcrossTwoRendersOfTwoLoads() {
        KnowledgeBase first = SampleKnowledgeBase.load();
        KnowledgeBase second = SampleKnowledgeBase.load();
        for (ExportContext context : List.of(SampleKnowledgeBase.ENGLISH, SampleKnowledgeBase.CHINESE_WITH_BASE_URL)) {
            for (Export export : Exports.all()) {
                byte[] once = export.render(first, context);
                assertThat(once).as(export.fileName()).isNotEmpty();
                assertThat(export.render(first, context)).as(export.fileName()).isEqualTo(once);
                assertThat(export.render(second, context)).as(export.fileName()).isEqualTo(once);
            }
        }
    }

    @Test
    void theTrackingReportIsTheTrackersInTheSitesLanguage() {
        KnowledgeBase kb = SampleKnowledgeBase.load();
        String chinese = new String(new TrackingReportText().render(kb, SampleKnowledgeBase.CHINESE_WITH_BASE_URL),
                StandardCharsets.UTF_8);
        assertThat(chinese).isEqualTo(TrackingReport.text(kb.tracker(), Locale.forLanguageTag("zh-CN")))
                .startsWith("=== 改进措施跟踪报告 ===\n\n总计: " + kb.tracker().total() + "\n")
                .contains("逾期: " + kb.tracker().overdue().size() + "\n");
        String english = new String(new TrackingReportText().render(kb, SampleKnowledgeBase.ENGLISH),
                StandardCharsets.UTF_8);
        assertThat(english).startsWith("=== Action item tracking report ===\n\nTotal: " + kb.tracker().total());
    }

    @Test
    void aWholeSiteBuildWritesEveryExportAtTheSiteRoot() throws IOException {
        Path out = temp.resolve("site");
        SiteSettings settings = new SiteSettings("Post-mortems", Locale.forLanguageTag("zh-CN"),
                SampleKnowledgeBase.AS_OF, SampleKnowledgeBase.ZONE, "https://postmortems.example.com/ops/", null,
                false, null);
        BuildResult result = SiteGeneration.run(new BuildRequest(SampleKnowledgeBase.SAMPLE, out,
                SampleKnowledgeBase.LOAD, settings));

        assertThat(result.site().written()).isTrue();
        KnowledgeBase kb = SampleKnowledgeBase.load();
        for (Export export : Exports.all()) {
            Path file = out.resolve(export.fileName());
            assertThat(file).as(export.fileName()).isRegularFile();
            assertThat(Files.readAllBytes(file)).as(export.fileName())
                    .isEqualTo(export.render(kb, SampleKnowledgeBase.CHINESE_WITH_BASE_URL));
        }
        assertThat(Files.readString(out.resolve("tracking-report.txt"))).startsWith("=== 改进措施跟踪报告 ===");
        // Every page URL the exports give is a page the site has.
        for (Object incident : JsonTree.list(JsonTree.object(Files.readAllBytes(out.resolve("incidents.json")))
                .get("incidents"))) {
            assertThat(out.resolve((String) JsonTree.map(incident).get("url"))).isRegularFile();
        }
    }
}
