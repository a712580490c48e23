package dev.hindsight.load;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Incident;
import dev.hindsight.model.LessonKind;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.Severity;
import dev.hindsight.model.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's own template text (INC-2025-10-05-001, de-indented) loads exactly as the seed means it. */
class SeedTemplateReportTest {
    private static LoadResult result;
    private static Incident incident;

    @BeforeAll
    static void load() {
        result = new ReportLoader(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES))
                .load(Path.of("src/test/resources/reports/seed"));
        assertThat(result.incidents()).hasSize(1);
        incident = result.incidents().get(0);
    }

    @Test
    void readsTheBasicInformationList() {
        assertThat(incident.id()).isEqualTo("INC-2025-10-05-001");
        assertThat(incident.severity()).isEqualTo(Severity.P1);
        assertThat(incident.owner()).isEqualTo("张三");
        assertThat(incident.participants()).containsExactly("李四", "王五");
        assertThat(incident.impact().scope()).isEqualTo("OTLP Collector 全部实例");
        assertThat(incident.services()).containsExactly("OTLP Collector 全部实例");
        assertThat(incident.source().style()).isEqualTo(ReportStyle.SEED_TEMPLATE);
        // The seed template is the process's full report; without a status line it counts as final.
        assertThat(incident.status()).isEqualTo(ReportStatus.FINAL);
    }

    @Test
    void readsTheIncidentTimeInItsOwnOffset() {
        assertThat(incident.times().started()).isEqualTo(OffsetDateTime.parse("2025-10-05T18:00+08:00"));
        assertThat(incident.times().resolved()).isEqualTo(OffsetDateTime.parse("2025-10-05T19:30+08:00"));
        assertThat(incident.times().timeToResolve()).contains(Duration.ofMinutes(90));
        assertThat(incident.times().detected()).isNull();
    }

    @Test
    void makesATitleFromTheImpactLineBecauseTheHeadingIsTheTemplates() {
        assertThat(incident.title()).isEqualTo("INC-2025-10-05-001: 所有 OTLP Collector 实例无法接收 Span 数据，持续 1.5 小时");
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.code().code()).isEqualTo("HS127");
            assertThat(d.line()).isEqualTo(1);
        });
    }

    @Test
    void readsAllNineTimelineRowsWithTheIncidentsDate() {
        assertThat(incident.timeline()).hasSize(9);
        assertThat(incident.timeline().get(0).time()).isEqualTo(OffsetDateTime.parse("2025-10-05T18:00+08:00"));
        assertThat(incident.timeline().get(0).event()).isEqualTo("配置更新推送到生产环境");
        assertThat(incident.timeline().get(0).actor()).isEqualTo("张三");
        assertThat(incident.timeline().get(8).time()).isEqualTo(OffsetDateTime.parse("2025-10-05T19:30+08:00"));
        assertThat(incident.timeline().get(8).event()).isEqualTo("服务完全恢复");
        assertThat(incident.timeline().get(8).actor()).isEqualTo("系统");
    }

    @Test
    void readsTheFiveWhysAsAChain() {
        assertThat(incident.analysis().whys()).hasSize(5);
        assertThat(incident.analysis().whys().get(0).question()).isEqualTo("为什么服务 OOM？");
        assertThat(incident.analysis().whys().get(0).answer()).isEqualTo("因为内存使用量超过限制");
        assertThat(incident.analysis().whys().get(4).number()).isEqualTo(5);
        assertThat(incident.analysis().whys().get(4).answer()).isEqualTo("因为团队规模扩大后，流程未及时更新");
        assertThat(incident.analysis().directCause()).contains("batch_size");
    }

    @Test
    void readsTheThreeContributingFactors() {
        assertThat(incident.analysis().contributingFactors()).containsExactly(
                "内存监控告警阈值设置过高（90%）", "缺少自动重启机制", "配置变更未经过灰度发布");
    }

    @Test
    void readsNineActionItemsWithTheSeedsDefaultDueDates() {
        List<ActionItem> actions = incident.actions();
        assertThat(actions).hasSize(9);
        assertThat(actions).extracting(ActionItem::id)
                .containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9");
        assertThat(actions.subList(0, 3)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.COMPLETED);
            assertThat(a.term()).isEqualTo(Term.IMMEDIATE);
            assertThat(a.due()).isEqualTo(LocalDate.of(2025, 10, 5));
        });
        assertThat(actions.subList(3, 6)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.NOT_STARTED);
            assertThat(a.term()).isEqualTo(Term.SHORT);
            assertThat(a.due()).isEqualTo(LocalDate.of(2025, 10, 12));
        });
        assertThat(actions.subList(6, 9)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.NOT_STARTED);
            assertThat(a.term()).isEqualTo(Term.LONG);
            assertThat(a.due()).isEqualTo(LocalDate.of(2025, 11, 5));
        });
        assertThat(actions).allSatisfy(a -> assertThat(a.owner()).isEqualTo("张三"));
        assertThat(actions.get(0).description()).isEqualTo("回滚配置到正常值");
        assertThat(actions.get(3).description()).isEqualTo("降低内存告警阈值到 80%");
        assertThat(actions.get(4).qualifiedId()).isEqualTo("INC-2025-10-05-001/A5");
    }

    @Test
    void readsThreeLessonsOfEachKind() {
        assertThat(incident.lessons(LessonKind.WENT_WELL)).extracting(l -> l.text())
                .containsExactly("本地缓存机制避免了数据丢失", "值班工程师响应及时", "回滚操作执行迅速");
        assertThat(incident.lessons(LessonKind.TO_IMPROVE)).extracting(l -> l.text())
                .containsExactly("配置变更缺少充分测试", "监控告警不够敏感", "缺少自动恢复机制");
    }

    @Test
    void readsTheImpactFiguresFromProse() {
        assertThat(incident.impact().users()).isEqualTo(10_000L);
        assertThat(incident.impact().dataLoss()).isEqualTo("无（启用了本地缓存）");
        assertThat(incident.impact().availability()).isEqualTo(0.0);
        assertThat(incident.impact().sloBefore()).isEqualTo(99.95);
        assertThat(incident.impact().sloAfter()).isEqualTo(99.79);
        assertThat(incident.impact().errorBudgetConsumed()).isEqualTo(50.0);
    }

    @Test
    void readsSummaryRootCauseAndReferences() {
        assertThat(incident.summary()).isEqualTo("所有 OTLP Collector 实例无法接收 Span 数据，持续 1.5 小时。");
        assertThat(incident.analysis().rootCause()).isEqualTo("配置更新导致内存泄漏，触发 OOM Killer。");
        assertThat(incident.links()).extracting(l -> l.url()).containsExactly("./config_change_log.md",
                "./monitoring_data.csv", "https://github.com/org/repo/issues/123");
    }

    @Test
    void givesNoErrors() {
        assertThat(result.errorCount()).isZero();
    }
}
