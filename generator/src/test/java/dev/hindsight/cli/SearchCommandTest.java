package dev.hindsight.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hindsight search} over a site built by {@code hindsight build}. */
class SearchCommandTest {
    @TempDir
    static Path out;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
        return new Run(code, stdout.toString(), stderr.toString());
    }

    @BeforeAll
    static void build() {
        assertThat(run("build", "--source", "../sample-site/src/postmortems", "--out", out.resolve("site").toString(),
                "--as-of", "2026-11-25", "--time-zone", "Asia/Shanghai").exitCode()).isZero();
    }

    @Test
    void plainWordsPrintRankedHitsWithSnippets() {
        Run run = run("search", "--index", out.resolve("site").toString(), "OTLP", "Collector");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(" 1. INC-").contains(" 2. INC-")
                .contains("INC-2025-10-05-001  P1  2025-10-05  ", "«OTLP» «Collector»");
    }

    @Test
    void theIndexDirectoryItselfWorksToo() {
        Run run = run("search", "--index", out.resolve("site/search/index").toString(), "连接池");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("INC-2025-08-19-001");
    }

    @Test
    void luceneSyntaxAndJsonOutput() {
        Run run = run("search", "--index", out.resolve("site").toString(), "--format", "json", "severity:P1 AND oom");
        assertThat(run.out()).startsWith("{\n  \"query\" : \"severity:P1 AND oom\",\n  \"hits\" : [")
                .contains("\"id\" : \"INC-2025-10-05-001\"", "\"severity\" : \"P1\"");
        // The first spelling still works for existing scripts.
        assertThat(run("search", "--index", out.resolve("site").toString(), "--json", "severity:P1 AND oom").out())
                .isEqualTo(run.out());
    }

    @Test
    void noHitsExitOneAndBadQueriesOrMissingIndexesExitTwo() {
        assertThat(run("search", "--index", out.resolve("site").toString(), "zyxwvut").exitCode()).isEqualTo(1);
        Run bad = run("search", "--index", out.resolve("site").toString(), "title:(oom");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot read the query");
        Run missing = run("search", "--index", out.toString(), "oom");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no search index");
    }
}
