package dev.hindsight.load;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.diagnostic.Diagnostics;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the loader: any text, with or without front matter, becomes an incident
 * or diagnostics, never an exception. In the ordinary test run Jazzer replays the inputs under
 * {@code src/test/resources/dev/hindsight/load/LoaderFuzzTestInputs/} (seeds, and every crash found so
 * far); {@code JAZZER_FUZZ=1} makes it search for new inputs, see docs/fuzzing.md.
 */
class LoaderFuzzTest {
    private static final ReportParser PARSER = new ReportParser(new LoadSettings(ZoneId.of("UTC"), 64 * 1024));

    @FuzzTest(maxDuration = "60s")
    void anyTextLoadsOrGivesDiagnostics(FuzzedDataProvider data) {
        boolean frontMatter = data.consumeBoolean();
        String text = (frontMatter ? "---\n" : "") + data.consumeRemainingAsString();
        Diagnostics diagnostics = new Diagnostics("fuzz.md");

        var parsed = PARSER.parseText(ReportText.normaliseLineEndings(text), diagnostics, false);

        // A report that did not load always says why.
        if (parsed.isEmpty()) {
            assertThat(diagnostics.list()).anyMatch(d -> d.isError());
        }
        assertThat(diagnostics.list()).allSatisfy(d -> {
            assertThat(d.line()).isNotNegative();
            assertThat(d.message()).isNotBlank();
        });
    }
}
