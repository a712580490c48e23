package dev.hindsight.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's contract: output formats, exit codes, help. */
class CommandLineTest {
    private static final String SAMPLE = "../sample-site/src/postmortems";
    private static final String SEED = "src/test/resources/reports/seed";

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkOfTheSampleKnowledgeBaseFindsNoErrorsAndExitsZero() {
        Run run = run("check", "--source", SAMPLE, "--as-of", "2026-11-25", "--time-zone", "Asia/Shanghai");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain(": error: ");
        assertThat(run.out()).contains("24 report files, 24 loaded, 0 errors");
        assertThat(run.out()).contains("overdue on 2026-11-25");
    }

    @Test
    void checkPrintsGccStyleLinesWithAHintBelow() {
        Run run = run("check", "--source", SEED, "--as-of", "2026-11-25");
        assertThat(run.out()).contains("INC-2025-10-05-001.md:1:1: warning: the heading '故障复盘报告' is the template's");
        assertThat(run.out()).containsPattern(":86:1: warning: action A1 is completed but has no completion date \\[HS140]\n    hint: ");
        // 4 loading warnings (generic title, three completed items without a date) and 6 overdue items.
        assertThat(run.out()).contains("1 report file, 1 loaded, 0 errors, 10 warnings; 9 action items, 6 overdue on 2026-11-25");
    }

    @Test
    void checkAsJsonHasASummaryAndTheDiagnostics() {
        Run run = run("check", "--source", SEED, "--as-of", "2026-11-25", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"summary\" : {\n    \"reportFiles\" : 1,");
        assertThat(run.out()).contains("\"code\" : \"HS127\"", "\"severity\" : \"warning\"", "\"overdue\" : 6");
    }

    @Test
    void dumpPrintsTheSameBytesEveryTime() {
        Run first = run("dump", "--source", SAMPLE, "--time-zone", "UTC");
        Run second = run("dump", "--source", SAMPLE, "--time-zone", "UTC");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(first.out()).startsWith("{\n  \"incidents\" : [\n    {\n      \"id\" : \"INC-2024-02-06-001\",");
    }

    @Test
    void dumpShowsTheDerivedDurations() {
        Run run = run("dump", "--source", SEED);
        assertThat(run.out()).contains("\"timeToResolve\" : \"PT1H30M\"", "\"qualifiedId\" : \"INC-2025-10-05-001/A9\"");
    }

    @Test
    void aMissingSourceIsAUsageError() {
        assertThat(run("check").exitCode()).isEqualTo(2);
        assertThat(run("check", "--source", "no/such/dir").exitCode()).isEqualTo(2);
        assertThat(run("check", "--source", SEED, "--as-of", "yesterday").exitCode()).isEqualTo(2);
        assertThat(run("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        assertThat(run("--help").out()).contains("check", "dump", "Exit codes");
        Run check = run("check", "--help");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("--source=DIR", "--as-of=DATE", "--format=FORMAT", "Examples:");
        assertThat(run("dump", "--help").out()).contains("--source=DIR", "Examples:");
    }
}
