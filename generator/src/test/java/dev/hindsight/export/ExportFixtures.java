package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Priority;
import dev.hindsight.model.ReportSource;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.RootCauseAnalysis;
import dev.hindsight.model.Severity;
import dev.hindsight.model.Term;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Action items whose text no report form can produce (line breaks, a lone backslash) or that a test
 * needs verbatim (formula-like text), built as model records. One incident, due dates before and after
 * {@link SampleKnowledgeBase#AS_OF}.
 */
final class ExportFixtures {
    static final String INCIDENT_ID = "INC-2026-11-01-001";
    static final String TRICKY = "Fix \"quoted\" config; retry, back\\off\nthen verify";
    static final String LONG_CHINESE = "在所有生产集群上为 OTLP Collector 配置内存限制器（memory_limiter），并在变更评审中加入容量评估；"
            + "确保批处理参数调整前后的内存占用都经过压测验证，同时补充按实例维度的内存告警与自动扩容策略😀";
    /** The OWASP examples, and the other characters that start a formula. */
    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(1)", "\tTAB",
            "\rCR", "=HYPERLINK(\"http://evil.example\",\"x\")");

    private ExportFixtures() {
    }

    /** One incident (services with a comma and a semicolon in them) holding every tricky item. */
    static KnowledgeBase knowledgeBase() {
        List<ActionItem> actions = new ArrayList<>();
        actions.add(item("A1", TRICKY, ActionStatus.IN_PROGRESS, Priority.CRITICAL, "李四", LocalDate.of(2026, 11, 20)));
        actions.add(item("A2", LONG_CHINESE, ActionStatus.NOT_STARTED, Priority.LOW, null, LocalDate.of(2026, 12, 1)));
        actions.add(item("A3", "done already", ActionStatus.COMPLETED, Priority.HIGH, "bob", LocalDate.of(2026, 11, 2)));
        actions.add(item("A4", "dropped", ActionStatus.CANCELLED, Priority.MEDIUM, "bob", LocalDate.of(2026, 11, 2)));
        actions.add(item("id with space;%/中", "odd id", ActionStatus.BLOCKED, Priority.HIGH, "bob",
                LocalDate.of(2026, 11, 25)));
        int n = 0;
        for (String formula : FORMULAS) {
            n++;
            actions.add(item("F" + n, formula, ActionStatus.NOT_STARTED, Priority.MEDIUM, formula,
                    LocalDate.of(2026, 12, 24)));
        }
        return new KnowledgeBase(List.of(incident(actions)), SampleKnowledgeBase.AS_OF);
    }

    /** One incident with {@code count} action items of long Chinese text: exports far larger than one written piece. */
    static KnowledgeBase manyItems(int count) {
        List<ActionItem> actions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            actions.add(item("A" + i, LONG_CHINESE + " " + i, ActionStatus.values()[i % ActionStatus.values().length],
                    Priority.HIGH, "李四", LocalDate.of(2026, 11, 1).plusDays(i % 60)));
        }
        return new KnowledgeBase(List.of(incident(actions)), SampleKnowledgeBase.AS_OF);
    }

    static ActionItem item(String id, String description, ActionStatus status, Priority priority, String owner,
                           LocalDate due) {
        LocalDate completed = status == ActionStatus.COMPLETED ? due : null;
        return new ActionItem(INCIDENT_ID, id, description, priority, owner, due, status, completed, Term.SHORT,
                "https://tracker.example.com/OPS-1?a=1,b=2", true, 10);
    }

    /**
     * One incident whose title, summary, owner, services and tags hold what no report file can (the loader
     * rejects control characters): NUL, BEL, ESC, a lone surrogate, U+FFFF, beside markup and ampersands.
     */
    static KnowledgeBase forbiddenCharacters() {
        String hostile = "<script>alert(1)</script> & \0\007\033[31m " + (char) 0xD800 + " " + (char) 0xFFFF + " end";
        return new KnowledgeBase(List.of(incident("Title " + hostile, "Summary " + hostile, "owner " + hostile,
                List.of("service " + hostile), List.of("tag " + hostile), List.of())), SampleKnowledgeBase.AS_OF);
    }

    private static Incident incident(List<ActionItem> actions) {
        return incident("Collector OOM, again; \"batch\" \\ 批处理", null, "张三",
                List.of("otel,collector", "kafka;eu", "订单服务"), List.of(), actions);
    }

    private static Incident incident(String title, String summary, String owner, List<String> services,
                                     List<String> tags, List<ActionItem> actions) {
        OffsetDateTime started = OffsetDateTime.parse("2026-11-01T09:00+08:00");
        Map<String, Object> extra = new LinkedHashMap<>();
        return new Incident(INCIDENT_ID, title, Severity.P1, ReportStatus.FINAL,
                new IncidentTimes(started, null, null, null), services, tags, owner, List.of(), summary,
                Impact.UNKNOWN, new RootCauseAnalysis(null, null, null, List.of(), List.of()), List.of(), actions,
                List.of(), List.of(), extra,
                new ReportSource("2026/fixture.md", ReportStyle.FRONT_MATTER, "", 1, List.of()));
    }
}
