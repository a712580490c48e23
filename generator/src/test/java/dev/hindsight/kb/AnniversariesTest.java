package dev.hindsight.kb;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Anniversaries of the fixture reports around 15 June 2026: the same day in earlier years (but not this
 * year's), the 30-day window's last day in and the day after out, 29 February in leap and other years,
 * the window crossing New Year, and a start date read in the incident's own offset.
 */
class AnniversariesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static List<Incident> incidents;

    @BeforeAll
    static void load() {
        LoadResult result = new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"),
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(Path.of("src/test/resources/reports/anniversaries"));
        assertThat(result.errorCount()).isZero();
        incidents = result.incidents();
        assertThat(incidents).hasSize(10);
    }

    private static Anniversaries asOf(LocalDate date) {
        return new KnowledgeBase(incidents, date).anniversaries();
    }

    private static List<String> ids(List<Anniversary> anniversaries) {
        return anniversaries.stream().map(a -> a.incident().id()).toList();
    }

    @Test
    void onThisDayListsTheSameDayOfEarlierYearsMostRecentFirst() {
        assertThat(asOf(AS_OF).onThisDay()).extracting(a -> a.incident().id(), Anniversary::date, Anniversary::yearsAgo)
                .containsExactly(tuple("INC-2025-06-15-001", AS_OF, 1), tuple("INC-2024-06-15-001", AS_OF, 2));
    }

    @Test
    void anIncidentOfTheAsOfDateItselfIsNoAnniversary() {
        assertThat(ids(asOf(AS_OF).onThisDay())).doesNotContain("INC-2026-06-15-001");
        assertThat(ids(asOf(AS_OF).upcoming())).doesNotContain("INC-2026-06-15-001");
    }

    @Test
    void theDateIsTheStartInTheIncidentsOwnOffset() {
        // 2025-06-14T23:30-05:00 was already 15 June in UTC and in Shanghai; the team lived through the 14th.
        assertThat(ids(asOf(AS_OF).onThisDay())).doesNotContain("INC-2025-06-14-001");
        assertThat(ids(asOf(LocalDate.of(2026, 6, 14)).onThisDay())).containsExactly("INC-2025-06-14-001");
    }

    @Test
    void upcomingRunsFromTheAsOfDateThroughDayThirtyByDateThenNewest() {
        assertThat(asOf(AS_OF).upcoming()).extracting(a -> a.incident().id(), Anniversary::date, Anniversary::yearsAgo)
                .containsExactly(
                        tuple("INC-2025-06-15-001", LocalDate.of(2026, 6, 15), 1),
                        tuple("INC-2024-06-15-001", LocalDate.of(2026, 6, 15), 2),
                        tuple("INC-2024-06-20-001", LocalDate.of(2026, 6, 20), 2),
                        tuple("INC-2022-06-20-001", LocalDate.of(2026, 6, 20), 4),
                        tuple("INC-2025-07-15-001", LocalDate.of(2026, 7, 15), 1));
        assertThat(asOf(AS_OF).upcomingUntil()).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @Test
    void theThirtyFirstDayIsOutsideTheWindow() {
        assertThat(ids(asOf(AS_OF).upcoming())).doesNotContain("INC-2025-07-16-001");
        assertThat(ids(asOf(AS_OF.plusDays(1)).upcoming())).contains("INC-2025-07-16-001");
    }

    @Test
    void theDayBeforeTheAsOfDateIsNotUpcoming() {
        assertThat(ids(asOf(LocalDate.of(2026, 6, 15)).upcoming())).doesNotContain("INC-2025-06-14-001");
    }

    @Test
    void aLeapDayIncidentFallsOnTheTwentyEighthInOtherYears() {
        assertThat(asOf(LocalDate.of(2026, 2, 28)).onThisDay())
                .extracting(a -> a.incident().id(), Anniversary::date, Anniversary::yearsAgo)
                .containsExactly(tuple("INC-2024-02-29-001", LocalDate.of(2026, 2, 28), 2));
        assertThat(asOf(LocalDate.of(2026, 3, 1)).onThisDay()).isEmpty();
    }

    @Test
    void aLeapDayIncidentFallsOnTheTwentyNinthInLeapYears() {
        assertThat(asOf(LocalDate.of(2028, 2, 28)).onThisDay()).isEmpty();
        assertThat(asOf(LocalDate.of(2028, 2, 28)).upcoming()).extracting(a -> a.incident().id(), Anniversary::date)
                .contains(tuple("INC-2024-02-29-001", LocalDate.of(2028, 2, 29)));
        assertThat(asOf(LocalDate.of(2028, 2, 29)).onThisDay())
                .extracting(a -> a.incident().id(), Anniversary::yearsAgo)
                .containsExactly(tuple("INC-2024-02-29-001", 4));
    }

    @Test
    void theWindowCrossesNewYearIntoJanuary() {
        assertThat(asOf(LocalDate.of(2026, 12, 20)).upcoming())
                .extracting(a -> a.incident().id(), Anniversary::date, Anniversary::yearsAgo)
                .containsExactly(tuple("INC-2025-01-10-001", LocalDate.of(2027, 1, 10), 2));
    }

    @Test
    void nothingIsUpcomingBeforeTheFirstIncidentsFirstAnniversary() {
        assertThat(asOf(LocalDate.of(2022, 6, 1)).upcoming()).isEmpty();
        assertThat(asOf(LocalDate.of(2022, 6, 20)).onThisDay()).isEmpty();
    }
}
