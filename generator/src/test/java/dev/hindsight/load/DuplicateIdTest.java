package dev.hindsight.load;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Ids are unique across the knowledge base, ignoring case: the first report in path order keeps its id
 * and loads, the later one is rejected with HS126 naming the first.
 */
class DuplicateIdTest {
    private static final Path BAD = Path.of("src/test/resources/reports/bad");

    private static LoadResult load(String directory) {
        return new ReportLoader(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES))
                .load(BAD.resolve(directory));
    }

    @Test
    void theSecondReportWithAnIdIsRejectedAtItsIdLineNamingTheFirst() {
        LoadResult result = load("duplicates");

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("b.md");
            assertThat(d.code().code()).isEqualTo("HS126");
            assertThat(d.isError()).isTrue();
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("'INC-2025-03-10-001'", "a.md:2");
        });
    }

    @Test
    void theFirstReportWithAnIdStillLoads() {
        LoadResult result = load("duplicates");

        assertThat(result.reportFiles()).isEqualTo(2);
        assertThat(result.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo("INC-2025-03-10-001");
            assertThat(incident.title()).isEqualTo("Checkout latency after a cache flush");
            assertThat(incident.source().path()).isEqualTo("a.md");
        });
    }

    @Test
    void idsThatDifferOnlyInCaseAreDuplicates() {
        LoadResult result = load("duplicates-case");

        assertThat(result.incidents()).extracting(Incident::id).containsExactly("INC-2025-03-10-002");
        assertThat(result.diagnostics()).extracting(Diagnostic::path, d -> d.code().code(), Diagnostic::line)
                .containsExactly(tuple("b.md", "HS126", 2));
        assertThat(result.diagnostics().get(0).message()).contains("'inc-2025-03-10-002'", "a.md",
                "'INC-2025-03-10-002'");
    }
}
