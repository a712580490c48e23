package dev.hindsight.kb;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.ActionStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's ActionItemTracker semantics, edge by edge, on two fixture reports as of 2026-11-25: one
 * item of each status, one due exactly on the as-of date, two overdue on the same day.
 */
class ActionTrackerTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static ActionTracker tracker;

    @BeforeAll
    static void load() {
        LoadResult result = new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"),
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(Path.of("src/test/resources/reports/tracking"));
        assertThat(result.errorCount()).isZero();
        tracker = new KnowledgeBase(result.incidents(), AS_OF).tracker();
    }

    private static TrackedItem item(String qualifiedId) {
        return tracker.items().stream().filter(t -> t.item().qualifiedId().equals(qualifiedId)).findFirst()
                .orElseThrow();
    }

    @Test
    void anItemDueOnTheAsOfDateIsNotOverdue() {
        assertThat(item("INC-2026-11-01-001/A1").overdue()).isFalse();
    }

    @Test
    void anOpenItemDueTheDayBeforeIsOverdueByOneDay() {
        assertThat(item("INC-2026-11-01-001/A2").overdue()).isTrue();
        assertThat(item("INC-2026-11-01-001/A2").daysLate()).isEqualTo(1);
    }

    @Test
    void cancelledAndCompletedItemsAreNeverOverdue() {
        assertThat(item("INC-2026-11-01-001/A3").overdue()).isFalse();
        assertThat(item("INC-2026-11-01-001/A4").overdue()).isFalse();
    }

    @Test
    void blockedItemsPastDueAreOverdue() {
        assertThat(item("INC-2026-11-01-001/A5").overdue()).isTrue();
        assertThat(item("INC-2026-11-01-001/A5").daysLate()).isEqualTo(15);
    }

    @Test
    void aCompletedItemWithoutADateCountsAsCompletedOnTheAsOfDate() {
        assertThat(item("INC-2026-11-01-001/A6").completedOn()).isEqualTo(AS_OF);
        assertThat(item("INC-2026-11-01-001/A4").completedOn()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(item("INC-2026-11-01-001/A1").completedOn()).isNull();
    }

    @Test
    void overdueItemsAreListedByDueDateThenId() {
        assertThat(tracker.overdue()).extracting(t -> t.item().qualifiedId())
                .containsExactly("INC-2026-11-01-001/A5", "INC-2026-11-02-001/A1", "INC-2026-11-01-001/A2");
    }

    @Test
    void theCompletionRateCountsCancelledItemsInTheDenominator() {
        assertThat(tracker.total()).isEqualTo(7);
        assertThat(tracker.count(ActionStatus.COMPLETED)).isEqualTo(2);
        assertThat(tracker.completionRate()).isEqualTo(2 * 100.0 / 7);
        assertThat(ActionTracker.formatRate(tracker.completionRate())).isEqualTo("28.6");
    }

    @Test
    void anEmptyTrackerHasARateOfZero() {
        ActionTracker empty = new ActionTracker(List.of(), AS_OF);
        assertThat(empty.completionRate()).isEqualTo(0.0);
        assertThat(TrackingReport.text(empty, Locale.ENGLISH)).isEqualTo("""
                === Action item tracking report ===

                Total: 0
                Completed: 0
                In progress: 0
                Overdue: 0
                Completion rate: 0.0%

                Overdue items:
                """);
    }

    @Test
    void ratesAreRoundedToOneDecimalLikeTheSeedsRustFormatting() {
        assertThat(ActionTracker.formatRate(5 * 100.0 / 12)).isEqualTo("41.7");
        assertThat(ActionTracker.formatRate(100.0)).isEqualTo("100.0");
        assertThat(ActionTracker.formatRate(1 * 100.0 / 3)).isEqualTo("33.3");
        // 49/400 is exactly 12.25 in binary: Rust prints ties to even, Java's %.1f would print 12.3.
        assertThat(ActionTracker.formatRate(49 * 100.0 / 400)).isEqualTo("12.2");
        assertThat(ActionTracker.formatRate(0.05)).isEqualTo("0.1");
    }

    @Test
    void theTrackingReportIsTheSeedsTextInChinese() {
        assertThat(TrackingReport.text(tracker, Locale.SIMPLIFIED_CHINESE)).isEqualTo("""
                === 改进措施跟踪报告 ===

                总计: 7
                已完成: 2
                进行中: 1
                逾期: 3
                完成率: 28.6%

                逾期项目:
                  - [INC-2026-11-01-001/A5] 迁移工具升级 (负责人: 王五, 截止: 2026-11-10)
                  - [INC-2026-11-02-001/A1] Cap batch retries at three (负责人: 李四, 截止: 2026-11-10)
                  - [INC-2026-11-01-001/A2] 迁移前在预发环境演练 (负责人: 张三, 截止: 2026-11-24)
                """);
    }

    @Test
    void theTrackingReportInEnglishHasTheSameShape() {
        assertThat(TrackingReport.text(tracker, Locale.ENGLISH)).isEqualTo("""
                === Action item tracking report ===

                Total: 7
                Completed: 2
                In progress: 1
                Overdue: 3
                Completion rate: 28.6%

                Overdue items:
                  - [INC-2026-11-01-001/A5] 迁移工具升级 (owner: 王五, due: 2026-11-10)
                  - [INC-2026-11-02-001/A1] Cap batch retries at three (owner: 李四, due: 2026-11-10)
                  - [INC-2026-11-01-001/A2] 迁移前在预发环境演练 (owner: 张三, due: 2026-11-24)
                """);
    }

    @Test
    void breakdownsAddUpToTheWhole() {
        assertThat(tracker.byPriority()).extracting(Breakdown::key).containsExactly("critical", "high", "medium", "low");
        assertThat(tracker.byPriority()).extracting(Breakdown::total).containsExactly(1, 3, 1, 2);
        assertThat(tracker.byOwner()).extracting(Breakdown::key, Breakdown::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("张三", 1),
                        org.assertj.core.groups.Tuple.tuple("李四", 1), org.assertj.core.groups.Tuple.tuple("王五", 1));
        assertThat(tracker.byStatus().stream().mapToInt(Breakdown::total).sum()).isEqualTo(7);
        assertThat(tracker.byQuarter()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("2026-Q4");
            assertThat(b.completionRateText()).isEqualTo("28.6");
        });
    }

    @Test
    void openItemsAgeFromTheIncidentsStart() {
        assertThat(item("INC-2026-11-01-001/A1").ageDays()).isEqualTo(24);
        assertThat(item("INC-2026-11-01-001/A4").ageDays()).isZero();
    }

    @Test
    void theBurnDownEndsOnTheAsOfDateWithTheOpenItems() {
        assertThat(tracker.burnDown()).last().satisfies(p -> {
            assertThat(p.date()).isEqualTo(AS_OF);
            assertThat(p.open()).isEqualTo(tracker.open().size());
        });
    }
}
