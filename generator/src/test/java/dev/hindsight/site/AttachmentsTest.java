package dev.hindsight.site;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.LoadSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files a report links to are published beside its page; links to other reports become links to their
 * pages; anything outside the source directory, root-absolute or missing is refused, text kept.
 */
class AttachmentsTest {
    private static final Path SOURCE = Path.of("src/test/resources/reports/attachments");

    @TempDir
    static Path out;

    private static BuildResult result;
    private static Document page;

    @BeforeAll
    static void build() throws IOException {
        result = SiteGeneration.run(new BuildRequest(SOURCE, out.resolve("site"),
                new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES),
                SiteSettings.defaults(LocalDate.of(2025, 6, 1), ZoneOffset.UTC)));
        assertThat(result.site().written()).isTrue();
        page = Jsoup.parse(out.resolve("site/incidents/INC-2025-01-01-001/index.html").toFile());
    }

    @Test
    void anImageBesideTheReportIsCopiedBesideThePage() throws IOException {
        assertThat(page.select(".report-body img").attr("src")).isEqualTo("./img/graph.png");
        assertThat(out.resolve("site/incidents/INC-2025-01-01-001/img/graph.png"))
                .hasSameBinaryContentAs(SOURCE.resolve("2025/img/graph.png"));
    }

    @Test
    void aFileAboveTheReportsFolderIsPublishedOnceUnderFiles() {
        assertThat(page.select(".report-body a:contains(pool log)").attr("href"))
                .isEqualTo("../../files/shared/pool.log");
        assertThat(out.resolve("site/files/shared/pool.log")).exists();
    }

    @Test
    void aLinkToAnotherReportLinksToItsPageKeepingTheFragment() {
        assertThat(page.select(".report-body a:contains(the next incident)").attr("href"))
                .isEqualTo("../../incidents/INC-2025-01-02-001/index.html#timeline");
    }

    @Test
    void pathsOutsideTheSourceRootAbsoluteOrMissingLoseTheirTargetButKeepTheirText() {
        String body = page.select(".report-body").text();
        assertThat(body).contains("the build file", "passwd", "protocol-relative", "a missing screenshot");
        assertThat(page.select(".report-body a")).extracting(a -> a.attr("href"))
                .noneMatch(href -> href.contains("pom.xml") || href.startsWith("/") || href.contains("missing"));
        assertThat(result.diagnostics()).extracting(Diagnostic::path, d -> d.code().code(), Diagnostic::line)
                .contains(org.assertj.core.groups.Tuple.tuple("2025/INC-2025-01-01-001.md", "HS151", 14),
                        org.assertj.core.groups.Tuple.tuple("2025/INC-2025-01-01-001.md", "HS152", 14),
                        org.assertj.core.groups.Tuple.tuple("2025/INC-2025-01-01-001.md", "HS150", 14));
        assertThat(Files.exists(out.resolve("site/files/pom.xml"))).isFalse();
    }
}
