package dev.hindsight.bench;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bounded regular-expression work: loads reports built to make backtracking patterns go quadratic or
 * worse (long runs of the characters a pattern repeats, not followed by what it needs) and prints the
 * time of each. Exits with 1 when any takes longer than the bound (default 2 s per report of 200,000
 * characters; a linear pass needs milliseconds). A benchmark, not a unit test: a time limit in the test
 * suite would fail on a loaded machine.
 *
 * <pre>java -cp benchmark/target/hindsight-benchmark.jar dev.hindsight.bench.AdversarialInputBenchmark [--bound-ms N]</pre>
 */
public final class AdversarialInputBenchmark {
    private static final int N = 200_000;

    private AdversarialInputBenchmark() {
    }

    /** Each case: a name and the report's text. */
    private static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("heading of '('", report("## " + "(".repeat(N) + "\n"));
        cases.put("heading of '['", report("## " + "[".repeat(N) + "\n"));
        cases.put("numbered heading 1.1.1...", report("## " + "1.".repeat(N / 2) + "x\n"));
        cases.put("checklist of ' ,' before a word", report("## 改进措施\n\n- [ ] a" + " ,".repeat(N / 2) + " b\n"));
        cases.put("checklist of annotations without value", report("## 改进措施\n\n- [ ] " + "due: ".repeat(N / 5) + "\n"));
        cases.put("checklist of '@'", report("## 改进措施\n\n- [ ] " + "@".repeat(N) + "\n"));
        cases.put("tag of dots", "---\nid: ADV-1\ntitle: t\nseverity: P3\nstarted: 2026-01-01T10:00Z\ntags: [\"a"
                + ".".repeat(N) + "b\"]\n---\nBody.\n");
        cases.put("timeline cell of digits and colons", report("## 故障时间线\n\n| 时间 | 事件 |\n|---|---|\n| "
                + "1:00 ".repeat(N / 5) + "| x |\n"));
        cases.put("incident time of spaces", "# T\n\n## 基本信息\n\n- **故障ID**: ADV-2\n- **故障时间**: 2026-01-01 10:00"
                + " ".repeat(N) + "x\n- **故障等级**: P3\n");
        cases.put("impact of digits and commas", report("## 影响分析\n\n- **影响用户**: " + "1,".repeat(N / 2) + "x\n"));
        cases.put("severity of spaces", report("").replace("severity: P3", "severity: \"P" + " ".repeat(N) + "x\""));
        cases.put("unclosed brackets and emphasis", report("## Summary\n\n" + "[*_`<".repeat(N / 5) + "\n"));
        return cases;
    }

    private static String report(String body) {
        return "---\nid: ADV-0\ntitle: t\nseverity: P3\nstarted: 2026-01-01T10:00Z\n---\n" + body;
    }

    public static void main(String[] args) throws IOException {
        long boundMillis = args.length == 2 && args[0].equals("--bound-ms") ? Long.parseLong(args[1]) : 2000;
        ReportLoader loader = new ReportLoader(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES));
        boolean slow = false;
        for (Map.Entry<String, String> c : cases().entrySet()) {
            Path dir = Files.createTempDirectory("hindsight-adversarial");
            try {
                Files.writeString(dir.resolve("report.md"), c.getValue(), StandardCharsets.UTF_8);
                long start = System.nanoTime();
                LoadResult result = loader.load(dir);
                long millis = (System.nanoTime() - start) / 1_000_000;
                slow |= millis > boundMillis;
                System.out.printf("%-42s %6d ms  %s%n", c.getKey(), millis, result.incidents().isEmpty()
                        ? "rejected " + result.diagnostics().stream().map(d -> d.code().code()).toList() : "loaded");
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        System.out.println(slow ? "SLOW: a case took longer than " + boundMillis + " ms" : "all within " + boundMillis + " ms");
        System.exit(slow ? 1 : 0);
    }
}
