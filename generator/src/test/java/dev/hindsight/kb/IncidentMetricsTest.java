package dev.hindsight.kb;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every figure of the metrics page for the six fixture reports in {@code reports/metrics}, as of 2026-03-31,
 * worked out by hand from the reports' times (written in each report's summary) in the comments here.
 */
class IncidentMetricsTest {
    static final Path FIXTURE = Path.of("src/test/resources/reports/metrics");
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static KnowledgeBase kb;
    private static IncidentMetrics all;

    @BeforeAll
    static void load() {
        LoadResult result = new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"),
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(FIXTURE);
        assertThat(result.errorCount()).isZero();
        kb = new KnowledgeBase(result.incidents(), AS_OF);
        all = IncidentMetrics.all(kb);
    }

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static QuarterTimes row(String quarter, Severity severity, int count, long median, long p90) {
        return new QuarterTimes(quarter, severity, new DurationSummary(count, min(median), min(p90)));
    }

    @Test
    void incidentsPerMonthRunFromTheFirstIncidentToTheAsOfMonthWithEmptyMonthsIncluded() {
        List<MonthCount> months = all.incidentsPerMonth();

        // 2025-01 .. 2026-03: fifteen months.
        assertThat(months).extracting(MonthCount::month).first().isEqualTo(YearMonth.of(2025, 1));
        assertThat(months).extracting(MonthCount::month).last().isEqualTo(YearMonth.of(2026, 3));
        assertThat(months).hasSize(15);
        assertThat(months.stream().mapToInt(MonthCount::total).sum()).isEqualTo(6);
        Map<YearMonth, Map<Severity, Integer>> expected = Map.of(
                YearMonth.of(2025, 1), Map.of(Severity.P1, 1),
                YearMonth.of(2025, 2), Map.of(Severity.P1, 1, Severity.P2, 1),
                // MET-4 started 2025-04-01 00:30 +08:00 (31 March in UTC): its own offset decides.
                YearMonth.of(2025, 4), Map.of(Severity.P1, 1),
                YearMonth.of(2026, 1), Map.of(Severity.P3, 1),
                YearMonth.of(2026, 3), Map.of(Severity.P2, 1));
        for (MonthCount month : months) {
            Map<Severity, Integer> counts = expected.getOrDefault(month.month(), Map.of());
            for (Severity severity : Severity.values()) {
                assertThat(month.bySeverity().get(severity)).as(month.month() + " " + severity)
                        .isEqualTo(counts.getOrDefault(severity, 0));
            }
        }
    }

    @Test
    void timeToDetectLeavesOutTheIncidentWithoutADetectionTime() {
        // 2025-Q1: MET-1 P1 10, MET-2 P1 30, MET-3 P2 20 → P1 median (10+30)/2 = 20, p90 = 2nd of 2 = 30;
        // all: 10, 20, 30 → median 20, p90 = ⌈2.7⌉ = 3rd = 30. 2025-Q2: MET-4 P1 5. 2026-Q1: MET-6 P2 15
        // (MET-5 has no detection time).
        assertThat(all.responseTimes(TimeMeasure.DETECT)).containsExactly(
                row("2025-Q1", Severity.P1, 2, 20, 30), row("2025-Q1", Severity.P2, 1, 20, 20),
                row("2025-Q1", null, 3, 20, 30),
                row("2025-Q2", Severity.P1, 1, 5, 5), row("2025-Q2", null, 1, 5, 5),
                row("2026-Q1", Severity.P2, 1, 15, 15), row("2026-Q1", null, 1, 15, 15));
        assertThat(all.withoutTime(TimeMeasure.DETECT)).isEqualTo(1);
    }

    @Test
    void timeToMitigateLeavesOutTheIncidentWithoutAMitigationTime() {
        // 2025-Q1: MET-1 40, MET-2 60 (MET-3 none) → median 50, p90 60. 2025-Q2: MET-4 30.
        // 2026-Q1: MET-6 P2 25, MET-5 P3 45 → all median 35, p90 = 2nd of 2 = 45.
        assertThat(all.responseTimes(TimeMeasure.MITIGATE)).containsExactly(
                row("2025-Q1", Severity.P1, 2, 50, 60), row("2025-Q1", null, 2, 50, 60),
                row("2025-Q2", Severity.P1, 1, 30, 30), row("2025-Q2", null, 1, 30, 30),
                row("2026-Q1", Severity.P2, 1, 25, 25), row("2026-Q1", Severity.P3, 1, 45, 45),
                row("2026-Q1", null, 2, 35, 45));
        assertThat(all.withoutTime(TimeMeasure.MITIGATE)).isEqualTo(1);
    }

    @Test
    void timeToResolveHasNoRowForAQuarterWhoseOnlyIncidentIsUnresolved() {
        // 2025-Q1: P1 90, 120 → median 105, p90 120; P2 360; all 90, 120, 360 → median 120, p90 360.
        // 2025-Q2: MET-4 is not resolved → no row. 2026-Q1: P2 55, P3 105 → all median 80, p90 105.
        assertThat(all.responseTimes(TimeMeasure.RESOLVE)).containsExactly(
                row("2025-Q1", Severity.P1, 2, 105, 120), row("2025-Q1", Severity.P2, 1, 360, 360),
                row("2025-Q1", null, 3, 120, 360),
                row("2026-Q1", Severity.P2, 1, 55, 55), row("2026-Q1", Severity.P3, 1, 105, 105),
                row("2026-Q1", null, 2, 80, 105));
        assertThat(all.withoutTime(TimeMeasure.RESOLVE)).isEqualTo(1);
    }

    @Test
    void theNinetiethPercentileIsTheNearestRankAndTheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        List<Duration> ten = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            ten.add(min(i));
        }
        // 1..10: median (5+6)/2 = 5.5 min; p90 = ⌈9⌉ = 9th smallest = 9.
        assertThat(DurationSummary.of(ten)).isEqualTo(new DurationSummary(10, Duration.ofSeconds(330), min(9)));
        // 1..11: p90 = ⌈9.9⌉ = 10th smallest.
        ten.add(min(11));
        assertThat(DurationSummary.of(ten).p90()).isEqualTo(min(10));
        assertThatThrownBy(() -> DurationSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topListsCountEachIncidentOnceAndMatchNamesWithoutRegardToCaseOrSpacing() {
        // api: MET-1, MET-2, MET-4 and MET-6 (written "API", the newest spelling, as in the taxonomy).
        assertThat(all.topServices(10)).containsExactly(new RankedCount("API", 4), new RankedCount("db", 2),
                new RankedCount("cache", 1));
        assertThat(all.topTags(10)).containsExactly(new RankedCount("deploy", 3), new RankedCount("capacity", 2));
        // "alert too late" (MET-1, MET-6) and "Alert  too late" (MET-5) are one factor; so are "No canary"
        // (MET-1) and "no canary" (MET-2). MET-6 lists it twice, the second time as "Alert too late": counted once.
        assertThat(all.topContributingFactors(10)).containsExactly(new RankedCount("alert too late", 3),
                new RankedCount("no canary", 2), new RankedCount("single replica", 1));
        assertThat(all.topServices(2)).hasSize(2);
    }

    @Test
    void errorBudgetIsListedOldestFirstAndIncidentsWithoutOneAreCounted() {
        assertThat(all.errorBudget()).extracting(u -> u.incident().id(), BudgetUse::percent).containsExactly(
                tuple("MET-1", 20.0), tuple("MET-2", 35.5),
                tuple("MET-4", 10.0), tuple("MET-6", 5.0));
        assertThat(all.withoutErrorBudget()).isEqualTo(2);
    }

    @Test
    void completionByQuarterCountsCancelledItemsInTheDenominatorAsTheSeedDoes() {
        // 2025-Q1: MET-1 A1 done, A2 open, MET-2 A1 done → 2 of 3. 2025-Q2: MET-4 cancelled + in progress → 0 of 2.
        // 2026-Q1: MET-5 A1 done → 1 of 1.
        assertThat(all.completionByQuarter()).extracting(Breakdown::key, Breakdown::total, Breakdown::completed,
                Breakdown::completionRateText).containsExactly(
                tuple("2025-Q1", 3, 2, "66.7"),
                tuple("2025-Q2", 2, 0, "0.0"),
                tuple("2026-Q1", 1, 1, "100.0"));
    }

    @Test
    void theBurnDownFollowsOpenItemsMonthByMonth() {
        // Open at month ends: MET-1 A2 from January 2025; MET-4 A2 from April 2025; MET-5 A1 open from
        // 15 January to 1 February 2026. MET-1 A1 and MET-2 A1 close within their own month.
        List<Integer> open = all.burnDown().stream().map(BurnDownPoint::open).toList();
        assertThat(open).containsExactly(1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 2);
        assertThat(all.burnDown()).last().extracting(BurnDownPoint::date).isEqualTo(AS_OF);
    }

    @Test
    void aYearViewCoversJanuaryToDecemberOfThatYearOnly() {
        IncidentMetrics year = IncidentMetrics.year(kb, 2025);

        assertThat(year.incidents()).extracting(i -> i.id()).containsExactly("MET-4", "MET-3", "MET-2", "MET-1");
        assertThat(year.incidentsPerMonth()).hasSize(12).extracting(MonthCount::total)
                .containsExactly(1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(year.topServices(10)).containsExactly(new RankedCount("api", 3), new RankedCount("db", 2));
        assertThat(year.completionByQuarter()).extracting(Breakdown::key).containsExactly("2025-Q1", "2025-Q2");
    }

    @Test
    void theCurrentYearsViewStopsAtTheAsOfMonth() {
        assertThat(IncidentMetrics.year(kb, 2026).incidentsPerMonth()).extracting(MonthCount::month)
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
    }

    @Test
    void aServiceViewHasOnlyThatServicesIncidentsAndTheirActionItems() {
        TaxonomyTerm db = kb.taxonomy(TaxonomyKind.SERVICES).term("db").orElseThrow();
        IncidentMetrics metrics = IncidentMetrics.term(kb, db);

        assertThat(metrics.incidents()).extracting(i -> i.id()).containsExactly("MET-3", "MET-1");
        assertThat(metrics.responseTimes(TimeMeasure.RESOLVE)).containsExactly(
                row("2025-Q1", Severity.P1, 1, 90, 90), row("2025-Q1", Severity.P2, 1, 360, 360),
                row("2025-Q1", null, 2, 225, 360));
        assertThat(metrics.completionByQuarter()).extracting(Breakdown::key, Breakdown::total)
                .containsExactly(tuple("2025-Q1", 2));
    }

    @Test
    void anEmptyKnowledgeBaseHasNoFiguresButOneEmptyMonth() {
        IncidentMetrics empty = IncidentMetrics.all(new KnowledgeBase(List.of(), AS_OF));

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.incidentsPerMonth()).extracting(MonthCount::month, MonthCount::total)
                .containsExactly(tuple(YearMonth.of(2026, 3), 0));
        assertThat(empty.responseTimes(TimeMeasure.RESOLVE)).isEmpty();
        assertThat(empty.topServices(10)).isEmpty();
        assertThat(empty.errorBudget()).isEmpty();
        assertThat(empty.burnDown()).isEmpty();
    }
}
