package dev.hindsight.load;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample knowledge base is what users first see and what later features are tested on: it must
 * load without errors and cover every value the format knows.
 */
class SampleKnowledgeBaseTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static LoadResult result;

    @BeforeAll
    static void load() {
        result = new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"), LoadSettings.DEFAULT_MAX_REPORT_BYTES))
                .load(Path.of("../sample-site/src/postmortems"));
    }

    private static List<ActionItem> actions() {
        return result.incidents().stream().map(Incident::actions).flatMap(Collection::stream).toList();
    }

    @Test
    void loadsEveryReportWithoutErrors() {
        assertThat(result.errorCount()).isZero();
        assertThat(result.incidents()).hasSizeGreaterThanOrEqualTo(16).hasSize(result.reportFiles());
    }

    @Test
    void spansTwentyFourToTwentySix() {
        assertThat(result.incidents()).extracting(i -> i.times().started().getYear())
                .contains(2024, 2025, 2026).allMatch(y -> y >= 2024 && y <= 2026);
    }

    @Test
    void mixesBothReportStyles() {
        long seed = result.incidents().stream().filter(i -> i.source().style() == ReportStyle.SEED_TEMPLATE).count();
        long frontMatter = result.incidents().size() - seed;
        assertThat(seed).isGreaterThanOrEqualTo(6);
        assertThat(frontMatter).isGreaterThanOrEqualTo(8);
    }

    @Test
    void holdsTheSeedIncidentVerbatim() {
        assertThat(result.incidents()).filteredOn(i -> i.id().equals("INC-2025-10-05-001")).singleElement()
                .satisfies(i -> {
                    assertThat(i.source().style()).isEqualTo(ReportStyle.SEED_TEMPLATE);
                    assertThat(i.actions()).hasSize(9);
                    assertThat(i.timeline()).hasSize(9);
                });
    }

    @Test
    void coversEverySeverityReportStatusAndActionStatus() {
        assertThat(result.incidents()).extracting(Incident::severity).contains(Severity.values());
        assertThat(result.incidents()).extracting(Incident::status).contains(ReportStatus.values());
        assertThat(actions()).extracting(ActionItem::status).contains(ActionStatus.values());
    }

    @Test
    void hasOverdueItemsOnTheAsOfDateAndItemsDueLater() {
        assertThat(actions()).filteredOn(a -> a.isOverdue(AS_OF)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(actions()).filteredOn(a -> !a.isClosed() && a.due().isAfter(AS_OF)).isNotEmpty();
        assertThat(actions()).filteredOn(a -> a.link() != null).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void sharesRootCausesAcrossIncidentsForRelatedIncidentLinks() {
        assertThat(result.incidents()).filteredOn(i -> i.tags().contains("connection-pool-exhaustion")).hasSize(3);
        assertThat(result.incidents()).filteredOn(i -> i.tags().contains("certificate-expiry")).hasSize(2);
    }

    @Test
    void seedTemplateReportsInEnglishLoadLikeChineseOnes() {
        assertThat(result.incidents()).filteredOn(i -> i.id().equals("INC-2024-11-29-001")).singleElement()
                .satisfies(i -> {
                    assertThat(i.source().style()).isEqualTo(ReportStyle.SEED_TEMPLATE);
                    assertThat(i.services()).contains("checkout", "payments-api", "orders-postgres");
                    assertThat(i.timeline()).isNotEmpty();
                    assertThat(i.analysis().whys()).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(i.actions()).isNotEmpty();
                    assertThat(i.lessons()).isNotEmpty();
                    assertThat(i.times().started().getOffset().getTotalSeconds()).isEqualTo(3600);
                });
    }

    @Test
    void anIncidentCrossingMidnightEndsTheNextDay() {
        assertThat(result.incidents()).filteredOn(i -> i.id().equals("INC-2025-06-30-001")).singleElement()
                .satisfies(i -> {
                    assertThat(i.times().resolved().toLocalDate()).isEqualTo(LocalDate.of(2025, 7, 1));
                    assertThat(i.timeline().get(i.timeline().size() - 1).time().toLocalDate())
                            .isEqualTo(LocalDate.of(2025, 7, 1));
                });
    }
}
