package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.HostileCorpus;
import dev.hindsight.model.Incident;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus built into a site: the build succeeds with the bad reports left out, no page runs
 * anything a report holds, nothing from outside the source directory is published, nothing is written
 * outside the output directory, and the CSV and iCalendar exports stay inert and well-formed.
 */
class HostileSiteTest {
    @TempDir
    static Path temp;
    private static BuiltSite site;
    private static Path parent;

    @BeforeAll
    static void build() throws IOException {
        parent = Files.createDirectory(temp.resolve("work"));
        Path source = HostileCorpus.write(parent);
        site = BuiltSite.build(source, parent.resolve("site"), BuiltSite.settings());
    }

    private static String path(Diagnostic d) {
        return d.path();
    }

    @Test
    void theSiteIsWrittenWithEveryReportThatLoaded() {
        assertThat(site.result().site().written()).isTrue();
        assertThat(site.result().load().incidents()).hasSizeGreaterThanOrEqualTo(30);
        for (Incident incident : site.result().load().incidents()) {
            assertThat(site.root().resolve(SitePaths.incident(incident.id()))).isRegularFile();
        }
    }

    @Test
    void noPageRunsAnythingAReportHolds() {
        assertThat(site.pages()).allSatisfy(page -> XssTest.runsNothing(site.page(page)));
    }

    @Test
    void nothingFromOutsideTheSourceDirectoryIsPublished() throws IOException {
        try (Stream<Path> files = Files.walk(site.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(HostileCorpus.CANARY);
            }
        }
        assertThat(site.result().site().diagnostics()).filteredOn(d -> d.code().code().equals("HS151"))
                .extracting(HostileSiteTest::path)
                .contains("image-dot-dot.md", "links/image-through-link.md");
        assertThat(site.result().site().diagnostics()).filteredOn(d -> d.code().code().equals("HS152"))
                .extracting(HostileSiteTest::path).contains("image-absolute-path.md");
    }

    @Test
    void linkedHtmlAndSvgFilesAreNotPublished() {
        assertThat(site.result().site().diagnostics()).filteredOn(d -> d.code().code().equals("HS153"))
                .extracting(HostileSiteTest::path).containsExactly("link-to-active-attachments.md",
                        "link-to-active-attachments.md", "link-to-active-attachments.md");
        assertThat(BuiltSite.files(site.root()).keySet())
                .noneMatch(p -> p.startsWith("incidents/") && (p.endsWith(".svg") || p.endsWith(".xhtml") || p.endsWith("evil.html")));
    }

    @Test
    void nothingIsWrittenBesideTheOutputDirectoryButItsLock() throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("source", "outside", "site", ".site.lock");
        }
    }

    @Test
    void theCsvExportNeutralisesEveryFormula() throws IOException {
        String csv = Files.readString(site.root().resolve("actions.csv"), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        List<CSVRecord> hostile = records.stream().filter(r -> r.get("incident_id").equals("HOS-2026-02-01-048")).toList();
        assertThat(hostile).hasSize(5);
        for (CSVRecord record : hostile) {
            for (String field : record.values()) {
                assertThat(field).as("a field of %s", record.get("action_id"))
                        .doesNotMatch("(?s)[\\s\\u00a0\\u3000]*[=+\\-@].*")
                        .doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        assertThat(hostile.get(0).get("description")).isEqualTo("'=cmd|' /C calc'!A0");
    }

    @Test
    void theCalendarKeepsEveryLineShortAndEveryValueEscaped() throws IOException {
        byte[] bytes = Files.readAllBytes(site.root().resolve("actions.ics"));
        String ics = new String(bytes, StandardCharsets.UTF_8);
        assertThat(ics).doesNotContain("\uFFFD");
        String[] lines = ics.split("\r\n", -1);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\n", "\r", "\u0000", "\u001b");
        });
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.lines().filter(l -> l.startsWith("BEGIN:")))
                .containsOnly("BEGIN:VCALENDAR", "BEGIN:VTODO");
        assertThat(unfolded).contains("SUMMARY:line one\\nEND:VTODO\\nBEGIN:VEVENT\\nSUMMARY:injected");
        assertThat(unfolded).contains("CATEGORIES:a\\,b,c\\;d,e\\\\f");
    }

    @Test
    void deepAndLongReportsRenderTheirPages() {
        Map<String, String> files = BuiltSite.files(site.root());
        assertThat(files).containsKey(SitePaths.incident("HOS-2026-02-02-001"));
        assertThat(site.page(SitePaths.incident("HOS-2026-02-02-001")).select("td:contains(row 99999)")).isNotEmpty();
        assertThat(site.page(SitePaths.incident("HOS-2026-02-01-005")).select("main")).isNotEmpty();
    }
}
