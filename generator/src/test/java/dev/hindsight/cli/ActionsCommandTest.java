package dev.hindsight.cli;

import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackingReport;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hindsight actions}: the seed's report, and the filtered lists, as the tracker computes them. */
class ActionsCommandTest {
    private static final String SAMPLE = "../sample-site/src/postmortems";
    private static final ActionTracker TRACKER = new KnowledgeBase(new ReportLoader(new LoadSettings(
            ZoneId.of("Asia/Shanghai"), LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(Path.of(SAMPLE)).incidents(),
            LocalDate.of(2026, 11, 25)).tracker();

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 7];
        all[0] = "actions";
        System.arraycopy(new String[] {"--source", SAMPLE, "--as-of", "2026-11-25", "--time-zone", "Asia/Shanghai"},
                0, all, 1, 6);
        System.arraycopy(args, 0, all, 7, args.length);
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), all)).isZero();
        return out.toString();
    }

    @Test
    void printsTheSeedsTrackingReportInEitherLanguage() {
        assertThat(run()).isEqualTo(TrackingReport.text(TRACKER, Locale.ENGLISH));
        assertThat(run("--locale", "zh-CN")).isEqualTo(TrackingReport.text(TRACKER, Locale.SIMPLIFIED_CHINESE))
                .startsWith("=== 改进措施跟踪报告 ===");
    }

    @Test
    void listsOneOwnersOverdueItems() {
        String owner = TRACKER.overdue().get(0).item().owner();
        long expected = TRACKER.overdue().stream().filter(t -> owner.equals(t.item().owner())).count();
        String out = run("--owner", owner, "--overdue");
        assertThat(out.lines().filter(l -> l.startsWith("[INC-"))).hasSize((int) expected)
                .allSatisfy(l -> assertThat(l).contains("owner: " + owner, "overdue by"));
        assertThat(out).contains(expected + " items, " + expected + " overdue");
    }

    @Test
    void printsCsvWithOneRowPerItem() {
        String csv = run("--format", "csv");
        assertThat(csv).startsWith("\uFEFFincident_id,action_id,qualified_id,");
        assertThat(csv.split("\r\n")).hasSize(TRACKER.total() + 1);
    }

    @Test
    void printsJsonOfTheFilteredItems() {
        assertThat(run("--overdue", "--format", "json")).contains("\"overdue\":" + TRACKER.overdue().size());
    }
}
