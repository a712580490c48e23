package dev.hindsight.load;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionRole;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the body's section extraction: a body assembled from the headings
 * Hindsight knows, the lines its section readers look for and arbitrary text splits into an outline
 * whose sections never reach past the next heading of their level, and every section reader reads it
 * without throwing. Seeds and crashes live under {@code SectionFuzzTestInputs/}; see docs/fuzzing.md.
 */
class SectionFuzzTest {
    /** Pieces a report body is made of, so the fuzzer reaches the readers without guessing headings. */
    private static final List<String> PIECES = List.of("# Title\n", "## 基本信息\n", "## Basic information\n",
            "## 执行摘要\n", "## Summary\n", "## 故障时间线\n", "## Timeline\n", "## 影响范围\n", "## Impact\n",
            "## 根本原因分析\n", "## Root cause analysis\n", "## 改进措施\n", "## Action items\n", "### 立即措施（已完成）\n",
            "### 短期措施（1周内）\n", "## 经验教训\n", "### 做得好的\n", "### 需要改进的\n", "## 参考资料\n", "## References\n",
            "- **故障ID**: INC-2026-01-01-001\n", "- **故障时间**: 2026-01-01 10:00 - 11:00 (UTC+8)\n",
            "- **故障等级**: P2\n", "- **影响服务**: a, b\n", "| 时间 | 事件 |\n|---|---|\n", "| 10:00 | 发现 |\n",
            "1. 为什么? 因为\n", "- [ ] fix @bob due:2026-02-01 priority:high\n", "- [x] done @alice\n",
            "- 根本原因: x\n", "- **Root cause**: y\n", "[link](https://example.com/a)\n", "> ", "  ", "\n", "```\n");

    @FuzzTest(maxDuration = "60s")
    void anyBodySplitsIntoSectionsAndReads(FuzzedDataProvider data) {
        StringBuilder body = new StringBuilder();
        int pieces = data.consumeInt(0, 40);
        for (int i = 0; i < pieces && data.remainingBytes() > 0; i++) {
            body.append(data.consumeBoolean() ? data.pickValue(PIECES) : data.consumeString(80));
        }
        body.append(data.consumeRemainingAsString());
        String markdown = ReportText.normaliseLineEndings(body.toString());

        MarkdownBody parsed;
        try {
            parsed = MarkdownBody.parse(markdown, 7);
        } catch (MarkdownBody.TooDeeplyNested e) {
            return; // a diagnostic of its own (HS131); LoaderFuzzTest checks it is reported
        }

        int lastLine = 7 + (int) markdown.lines().count();
        for (Section section : parsed.outline()) {
            assertThat(section.line()).isBetween(7, Math.max(7, lastLine));
            assertThat(section.level()).isBetween(1, 6);
        }
        for (SectionRole role : SectionRole.values()) {
            int level = parsed.outline().stream().filter(s -> s.role() == role).mapToInt(Section::level).findFirst()
                    .orElse(0);
            for (Node block : parsed.section(role)) {
                if (block instanceof Heading heading) {
                    assertThat(heading.getLevel()).as("a heading inside the %s section", role).isGreaterThan(level);
                }
            }
        }
        ReportDraft draft = new ReportDraft();
        Diagnostics diagnostics = new Diagnostics("fuzz.md");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        BasicInformationReader.read(parsed, draft, zone, diagnostics);
        SummaryReader.read(parsed, draft);
        TimelineReader.read(parsed, draft, zone, diagnostics);
        ImpactReader.read(parsed, draft);
        RootCauseReader.read(parsed, draft);
        ChecklistActionReader.read(parsed, draft, diagnostics);
        LessonsReader.read(parsed, draft);
        ReferencesReader.read(parsed, draft);
        assertThat(diagnostics.list()).allSatisfy(d -> {
            assertThat(d.line()).isBetween(0, Math.max(7, lastLine));
            assertThat(d.message()).isNotBlank();
        });
    }
}
