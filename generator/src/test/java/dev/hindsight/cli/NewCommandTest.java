package dev.hindsight.cli;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code new}: a report made from either template, in either language, is one that {@code check} accepts with
 * no errors and that loads with the values given; ids count up per date; bad values are refused.
 */
class NewCommandTest {
    @TempDir
    Path source;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run create(String... extra) {
        String[] base = {"new", "--source", source.toString(), "--started", "2026-12-04T09:30",
                "--time-zone", "Asia/Shanghai"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    private Incident load(Path file) {
        LoadResult result = new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"),
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(source);
        assertThat(result.errorCount()).as(result.diagnostics().toString()).isZero();
        return result.incidents().stream().filter(i -> source.resolve(i.source().path()).equals(file))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"front-matter, en", "front-matter, zh-CN", "seed, en", "seed, zh-CN"})
    void aNewReportPassesCheckWithNoErrorsAndLoadsWithTheGivenValues(String style, String lang) {
        Run made = create("--title", "Checkout: \"timeouts\" # after a deploy", "--severity", "P1",
                "--services", "checkout, payments-api", "--owner", "Ana", "--style", style, "--lang", lang);

        assertThat(made.exitCode()).as(made.err()).isZero();
        Path file = Path.of(made.out().strip());
        assertThat(file).isEqualTo(source.resolve("2026").resolve("INC-2026-12-04-001.md"));
        Run check = run("check", "--source", source.toString(), "--as-of", "2026-12-04", "--time-zone", "Asia/Shanghai");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("1 report file, 1 loaded, 0 errors");

        Incident incident = load(file);
        assertThat(incident.id()).isEqualTo("INC-2026-12-04-001");
        assertThat(incident.title()).isEqualTo("Checkout: \"timeouts\" # after a deploy");
        assertThat(incident.severity()).isEqualTo(Severity.P1);
        assertThat(incident.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(incident.services()).containsExactly("checkout", "payments-api");
        assertThat(incident.owner()).isEqualTo("Ana");
        assertThat(incident.times().started().toString()).isEqualTo("2026-12-04T09:30+08:00");
        assertThat(incident.source().style()).isEqualTo(style.equals("seed") ? ReportStyle.SEED_TEMPLATE
                : ReportStyle.FRONT_MATTER);
    }

    @Test
    void theChineseTemplateHasTheSeedsChineseHeadings() throws IOException {
        Path file = Path.of(create("--title", "支付超时", "--style", "seed", "--lang", "zh-CN").out().strip());

        assertThat(Files.readString(file)).startsWith("# 支付超时\n\n## 基本信息\n")
                .contains("- **故障时间**: 2026-12-04 09:30 (UTC+8)", "## 根本原因分析", "### 根本原因（5 Whys）",
                        "## 改进措施", "## 经验教训");
    }

    @Test
    void idsCountUpFromTheHighestUsedForTheDateInNamesOrTexts() throws IOException {
        Files.createDirectories(source.resolve("old"));
        Files.writeString(source.resolve("old/INC-2026-12-04-003.md"), "not even a report");
        Files.writeString(source.resolve("old/notes.md"), "see INC-2026-12-04-007 and INC-2026-12-05-020");

        assertThat(create("--title", "First").out().strip()).endsWith("INC-2026-12-04-008.md");
        assertThat(create("--title", "Second").out().strip()).endsWith("INC-2026-12-04-009.md");
        assertThat(run("new", "--source", source.toString(), "--title", "Another day", "--started",
                "2026-12-06T10:00").out().strip()).endsWith("INC-2026-12-06-001.md");
    }

    @Test
    void badValuesAreUsageErrorsAndWriteNothing() throws IOException {
        assertThat(create("--title", " ").exitCode()).isEqualTo(2);
        assertThat(create("--title", "two\nlines").err()).contains("one line");
        assertThat(create("--title", "T", "--severity", "P9").err()).contains("--severity P9 is not a severity");
        assertThat(create("--title", "T", "--lang", "fr").err()).contains("unsupported --lang fr");
        assertThat(create("--title", "T", "--style", "wiki").err()).contains("unknown --style wiki");
        try (var files = Files.walk(source)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void helpShowsExamples() {
        Run help = run("new", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:", "--style", "--lang", "Exit codes:");
    }
}
