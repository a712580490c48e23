package dev.hindsight.load;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Front matter whose aliases would expand without bound (billion laughs, an alias inside itself) is
 * rejected quickly, as one report's error, without the expansion ever being built.
 */
class AliasBombTest {
    private static final Path BAD = Path.of("src/test/resources/reports/bad");
    private static final LoadSettings SETTINGS = new LoadSettings(ZoneId.of("UTC"),
            LoadSettings.DEFAULT_MAX_REPORT_BYTES);

    @TempDir
    Path source;

    @BeforeAll
    static void loadTheParsersClasses() {
        // So that the time limit below measures the bomb, not the JVM loading snakeyaml and commonmark.
        new ReportLoader(SETTINGS).load(Path.of("src/test/resources/reports/seed"));
    }

    private LoadResult load(String fixture) throws IOException {
        Files.copy(BAD.resolve(fixture), source.resolve(fixture));
        return new ReportLoader(SETTINGS).load(source);
    }

    @Test
    void aBillionLaughsFrontMatterIsRejectedWithinOneSecond() {
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> load("alias-bomb.md"));

        assertThat(result.incidents()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code().code()).isEqualTo("HS113");
            assertThat(d.isError()).isTrue();
            assertThat(d.line()).isEqualTo(2); // the front matter's first line: snakeyaml gives no position
            assertThat(d.message()).contains("safety limit", "aliases");
            assertThat(d.hint()).contains("at most " + SafeYaml.MAX_ALIASES + " aliases");
        });
    }

    @Test
    void anAliasInsideItselfIsRejectedAtTheValuesLine() {
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> load("alias-self-reference.md"));

        assertThat(result.incidents()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code().code()).isEqualTo("HS113");
            assertThat(d.isError()).isTrue();
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.message()).contains("contains itself");
        });
    }
}
