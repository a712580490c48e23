package dev.hindsight.check;

import dev.hindsight.cli.Main;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.Level;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Priority;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The process policies on the sample knowledge base, whose reports were written to trigger each one. */
class PolicyCheckTest {
    private static final Path SAMPLE = Path.of("../sample-site/src/postmortems");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final LoadSettings LOAD = new LoadSettings(ZoneId.of("Asia/Shanghai"),
            LoadSettings.DEFAULT_MAX_REPORT_BYTES);

    private static CheckResult check(PolicySettings policies) {
        return new KnowledgeBaseCheck(LOAD, policies).run(SAMPLE, AS_OF);
    }

    private static List<Diagnostic> withCode(CheckResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().code().equals(code)).toList();
    }

    @Test
    void theSampleTriggersEveryPolicyAsAWarningByDefault() {
        CheckResult result = check(PolicySettings.defaults());
        assertThat(result.failed()).isFalse();
        assertThat(withCode(result, "HS201")).extracting(Diagnostic::path, Diagnostic::line)
                .containsExactly(tuple("2026/INC-2026-11-18-001.md", 1));
        assertThat(withCode(result, "HS202")).extracting(Diagnostic::path)
                .containsExactly("2026/INC-2026-09-14-001.md");
        assertThat(withCode(result, "HS205")).extracting(Diagnostic::path)
                .containsExactly("2026/INC-2026-09-14-001.md");
        assertThat(withCode(result, "HS206")).extracting(Diagnostic::path)
                .containsExactly("2026/INC-2026-09-14-001.md");
        assertThat(withCode(result, "HS207")).extracting(Diagnostic::path, Diagnostic::line)
                .containsExactly(tuple("2026/INC-2026-07-08-001.md", 20));
        assertThat(withCode(result, "HS144")).extracting(Diagnostic::path)
                .containsExactly("2026/INC-2026-07-08-001.md");
        assertThat(withCode(result, "HS140")).extracting(Diagnostic::line).containsExactly(86, 87, 88);
        assertThat(result.diagnostics()).allMatch(d -> d.level() == Level.WARNING);
    }

    @Test
    void everyOverdueItemIsReportedOnceAtItsOwnLineSplitByUrgency() {
        CheckResult result = check(PolicySettings.defaults());
        KnowledgeBase kb = new KnowledgeBase(new ReportLoader(LOAD).load(SAMPLE).incidents(), AS_OF);
        List<TrackedItem> overdue = kb.tracker().overdue();
        long urgent = overdue.stream().filter(t -> t.item().priority() == Priority.CRITICAL
                || t.item().priority() == Priority.HIGH).count();
        assertThat(withCode(result, "HS204")).hasSize((int) urgent);
        assertThat(withCode(result, "HS203")).hasSize(overdue.size() - (int) urgent);
        assertThat(result.overdueItems()).isEqualTo(overdue.size());
        for (TrackedItem t : overdue) {
            assertThat(result.diagnostics()).anySatisfy(d -> {
                assertThat(d.path()).isEqualTo(t.incident().source().path());
                assertThat(d.line()).isEqualTo(t.item().line());
                assertThat(d.message()).contains(t.item().qualifiedId());
            });
        }
    }

    @Test
    void overdueUrgentItemsAsErrorsFailTheCheckNamingEachItem() {
        CheckResult result = check(new PolicySettings(Map.of(Policy.OVERDUE_URGENT, PolicyLevel.ERROR)));
        assertThat(result.failed()).isTrue();
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
                .allSatisfy(d -> assertThat(d.code().code()).isEqualTo("HS204"))
                .isNotEmpty();

        StringWriter out = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "check",
                "--source", SAMPLE.toString(), "--as-of", "2026-11-25", "--time-zone", "Asia/Shanghai",
                "--policy", "overdue-urgent=error");
        assertThat(exit).isEqualTo(1);
        for (Diagnostic d : withCode(result, "HS204")) {
            assertThat(out.toString()).contains(d.path() + ":" + d.line() + ":1: error: " + d.message() + " [HS204]");
        }
    }

    @Test
    void theDefaultCheckExitsZero() {
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "check", "--source", SAMPLE.toString(), "--as-of", "2026-11-25", "--time-zone", "Asia/Shanghai");
        assertThat(exit).isZero();
    }

    @Test
    void aPolicyCanBeTurnedOff() {
        CheckResult result = check(new PolicySettings(Map.of(Policy.OVERDUE, PolicyLevel.OFF,
                Policy.COMPLETED_WITHOUT_DATE, PolicyLevel.OFF)));
        assertThat(withCode(result, "HS203")).isEmpty();
        assertThat(withCode(result, "HS140")).isEmpty();
        assertThat(withCode(result, "HS204")).isNotEmpty();
    }

    @Test
    void badPolicySettingsAreUsageErrors() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "check",
                "--source", SAMPLE.toString(), "--policy", "overdue-urgnt=error");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown policy 'overdue-urgnt'");
    }
}
