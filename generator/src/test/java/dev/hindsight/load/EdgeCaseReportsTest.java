package dev.hindsight.load;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports that are valid or nearly so, but easy to get wrong. */
class EdgeCaseReportsTest {
    private static final Path EDGE = Path.of("src/test/resources/reports/edge");

    @TempDir
    Path source;

    private LoadResult load(String fixture) throws IOException {
        Files.copy(EDGE.resolve(fixture), source.resolve(fixture));
        return new ReportLoader(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(source);
    }

    @Test
    void aBlankRequiredFieldIsReportedAsMissingNotDroppedSilently() throws IOException {
        LoadResult result = load("blank-title.md");
        assertThat(result.incidents()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code().code()).isEqualTo("HS120");
            assertThat(d.message()).contains("'title'");
        });
    }

    @Test
    void defaultActionIdsStepAroundExplicitOnes() throws IOException {
        LoadResult result = load("mixed-action-ids.md");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.incidents().get(0).actions()).extracting(ActionItem::id).containsExactly("A2", "A1", "A3");
    }

    @Test
    void anIncidentTimeWithABareOffsetUsesItAndCrossesMidnight() throws IOException {
        LoadResult result = load("seed-bare-offset.md");
        assertThat(result.errorCount()).isZero();
        Incident incident = result.incidents().get(0);
        assertThat(incident.times().started()).isEqualTo(OffsetDateTime.parse("2026-01-04T23:40+05:30"));
        assertThat(incident.times().resolved()).isEqualTo(OffsetDateTime.parse("2026-01-05T00:20+05:30"));
    }
}
