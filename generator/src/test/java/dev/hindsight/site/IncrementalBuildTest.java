package dev.hindsight.site;

import dev.hindsight.TestFiles;
import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.load.LoadSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild in the same process renders only the pages an edit touches, and the site it leaves is the one a full
 * build of the edited reports writes, file for file and byte for byte (the Lucene index's too), with the same
 * diagnostics.
 */
class IncrementalBuildTest {
    private static final Path SAMPLE = Path.of("../sample-site/src/postmortems");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SEED = "2025/INC-2025-03-14-001.md";
    private static final String FRONT_MATTER = "2026/INC-2026-11-18-001.md";

    @TempDir
    protected Path temp;
    private Path reports;
    private IncrementalBuild builds;
    private int fullBuilds;
    /** The template overrides of the site, {@code null} for none. */
    private Path templates;

    @BeforeEach
    void firstBuild() throws IOException {
        reports = TestFiles.copyTree(SAMPLE, temp.resolve("reports"));
        builds = new IncrementalBuild();
        assertThat(rebuild().site().pages()).as("the first build renders every page").isGreaterThan(100);
    }

    @Test
    void aBodyOnlyEditRendersItsOwnPageAndTheSearchPageOnly() throws IOException {
        append(SEED, "\n## 附录\n\n事后补充：灰度窗口的讨论记录见 wiki。\n");
        Map<Path, String> searchFiles = states(temp.resolve("site/search"));

        BuildResult result = rebuild();

        assertThat(result.site().pages()).isEqualTo(2);
        long rewritten = searchFiles.entrySet().stream()
                .filter(file -> !file.getValue().equals(state(file.getKey()))).count();
        assertThat(rewritten).as("the search files the new words and the report's document change, of %s",
                searchFiles.size()).isPositive().isLessThan(searchFiles.size() - 10);
        assertSameAsFullBuild(result);
    }

    /** Each file under {@code directory} and its {@link #state}. */
    private static Map<Path, String> states(Path directory) throws IOException {
        Map<Path, String> states = new HashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> states.put(file, state(file)));
        }
        return states;
    }

    /**
     * A file's inode and modification time: a file written again (into a new file moved over the old one) has
     * another. Its times are left alone, as the build cache's check of the site compares them.
     */
    private static String state(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.fileKey() + " " + attributes.lastModifiedTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBodyHeadingThatTakesAnActionsAnchorRendersTheTrackingPagesToo() throws IOException {
        replace(FRONT_MATTER, "  - id: A1\n", "  - id: a1\n");
        assertSameAsFullBuild(rebuild());
        // Heading anchors are lower case, so the heading takes the row's "action-a1" only now.
        append(FRONT_MATTER, "\n## Action a1\n\nWhy the first action was chosen.\n");

        BuildResult result = rebuild();

        assertThat(result.site().pages()).as("the action row became action-a1-2 on the tracking pages too")
                .isGreaterThan(2);
        assertSameAsFullBuild(result);
    }

    @Test
    void fieldEditsRenderTheirListingsAndStillMatchAFullBuild() throws IOException {
        replace(SEED, "# ingress 全局配置 proxy-body-size 误改为 1m，文件上传接口大面积 413",
                "# ingress 全局 proxy-body-size 被误改为 1m，上传接口大面积返回 413");
        assertSameAsFullBuild(rebuild());

        replace(SEED, "- **故障等级**: P2 (较重)", "- **故障等级**: P1 (严重)");
        assertSameAsFullBuild(rebuild());

        replace(SEED, "1. 没有针对 4xx 状态码异常增长的告警", "1. 没有针对 redis 热点 key 与 4xx 状态码异常增长的告警");
        assertSameAsFullBuild(rebuild());

        replace(FRONT_MATTER, "    status: in-progress\n    term: short", "    status: completed\n    completed: 2026-11-24\n    term: short");
        BuildResult actionDone = rebuild();
        assertSameAsFullBuild(actionDone);
        assertThat(actionDone.site().pages()).as("not a full render").isLessThan(fullBuilds);

        replace(FRONT_MATTER, "root_cause: \"Under investigation.", "root_cause: \"Under investigation; ingress config suspected.");
        assertSameAsFullBuild(rebuild());
    }

    @Test
    void structuralEditsRenderEverythingAndMatchAFullBuild() throws IOException {
        replace(FRONT_MATTER, "tags: [redis, cache, latency, resharding, peak-traffic]",
                "tags: [redis, cache, latency, resharding, peak-traffic, black-friday]");
        assertSameAsFullBuild(rebuild());

        replace(FRONT_MATTER, "started: 2026-11-18T19:45+01:00", "started: 2026-11-17T19:45+01:00");
        assertSameAsFullBuild(rebuild());

        Files.write(reports.resolve("2026/graph.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        append(FRONT_MATTER, "\n![latency graph](graph.png)\n");
        assertSameAsFullBuild(rebuild());

        Files.delete(reports.resolve(SEED));
        assertSameAsFullBuild(rebuild());
    }

    @Test
    void anEditedTemplateBehindALinkRendersEverythingAgain() throws IOException {
        Path real = TestFiles.copyTree(Path.of("src/test/resources/templates/custom-not-found"), temp.resolve("theme"));
        Path linked = Files.createSymbolicLink(temp.resolve("linked-theme"), real);
        templates = linked;
        rebuild();
        assertThat(temp.resolve("site/404.html")).content().contains("Ask in #sre-postmortems");

        Path template = real.resolve("notFound.jte");
        Files.writeString(template, Files.readString(template).replace("#sre-postmortems", "#incident-reviews"));
        BuildResult result = rebuild();

        assertThat(temp.resolve("site/404.html")).content().contains("Ask in #incident-reviews");
        assertSameAsFullBuild(result);
    }

    @Test
    void aBrokenReportIsLeftOutAndComesBackWhenFixedAsInAFullBuild() throws IOException {
        String original = Files.readString(reports.resolve(FRONT_MATTER));
        replace(FRONT_MATTER, "severity: P2", "severity: P9");
        BuildResult broken = rebuild();
        assertThat(broken.hasErrors()).isTrue();
        assertSameAsFullBuild(broken);
        assertThat(temp.resolve("site/incidents/INC-2026-11-18-001")).doesNotExist();

        Files.writeString(reports.resolve(FRONT_MATTER), original + "\nOne more sentence of prose.\n");
        assertSameAsFullBuild(rebuild());
        assertThat(temp.resolve("site/incidents/INC-2026-11-18-001/index.html")).exists();
    }

    /** What runs the next build: here the same object every time, as in the preview server. */
    IncrementalBuild nextBuild() {
        return builds;
    }

    private BuildResult rebuild() {
        BuildResult result = nextBuild().run(request(temp.resolve("site")), BuildListener.SILENT);
        if (fullBuilds == 0) {
            fullBuilds = result.site().pages();
        }
        return result;
    }

    private void assertSameAsFullBuild(BuildResult incremental) {
        assertThat(incremental.site().written()).as("%s", incremental.diagnostics()).isTrue();
        Path fresh = temp.resolve("full-" + System.nanoTime());
        BuildResult full = SiteGeneration.run(request(fresh));
        assertThat(BuiltSite.files(temp.resolve("site"))).isEqualTo(BuiltSite.files(fresh));
        assertThat(incremental.diagnostics()).isEqualTo(full.diagnostics());
    }

    private BuildRequest request(Path out) {
        SiteSettings site = SiteSettings.defaults(LocalDate.of(2026, 11, 25), ZONE);
        if (templates != null) {
            site = new SiteSettings(site.title(), site.locale(), site.asOf(), site.zone(), site.baseUrl(),
                    site.editUrlPattern(), site.allowRawHtml(), templates);
        }
        return new BuildRequest(reports, out, new LoadSettings(ZONE, LoadSettings.DEFAULT_MAX_REPORT_BYTES), site);
    }

    private void replace(String report, String from, String to) throws IOException {
        Path file = reports.resolve(report);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private void append(String report, String text) throws IOException {
        Files.writeString(reports.resolve(report), Files.readString(reports.resolve(report)) + text,
                StandardCharsets.UTF_8);
    }
}
