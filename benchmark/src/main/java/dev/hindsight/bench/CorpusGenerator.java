package dev.hindsight.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic corpus of post-mortem reports for the load benchmark.
 *
 * <p>About half the reports use YAML front matter and half the seed template (基本信息 list,
 * no front matter); about 60% are in Chinese and 40% in English. Every report is valid per
 * {@code report-format.md}. The output depends only on the count and the seed: the same
 * arguments give byte-identical files, so benchmark runs on different machines compare.
 *
 * <p>Usage: {@code java dev.hindsight.bench.CorpusGenerator --count 10000 --out DIR [--seed 42]}
 * writes {@code DIR/<year>/<id>.md}.
 */
public final class CorpusGenerator {

    /** What {@link #generate} wrote: the number of report files and their total size in bytes. */
    public record GeneratedCorpus(int files, long bytes) {}

    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);
    /** Start days stop three days early: the longest incident lasts under three days, so it ends by LAST_DAY. */
    private static final int START_DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY.minusDays(3)) + 1;

    private CorpusGenerator() {}

    /** Parses {@code --count N --out DIR [--seed S]}, generates, and prints one line of statistics. */
    public static void main(String[] args) throws IOException {
        Integer count = null;
        Path out = null;
        long seed = 42;
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--count" -> count = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (count == null || out == null || count < 0) {
                throw new IllegalArgumentException("--count (not negative) and --out are required");
            }
        } catch (IllegalArgumentException e) { // also NumberFormatException and InvalidPathException
            System.err.println(e.getMessage());
            System.err.println("usage: java dev.hindsight.bench.CorpusGenerator --count N --out DIR [--seed 42]");
            System.exit(2);
            return;
        }
        long begin = System.nanoTime();
        GeneratedCorpus corpus = generate(count, seed, out);
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(Locale.ROOT, "%d reports, %d bytes (%.1f MB, %.1f KB average) in %.2f s%n",
                corpus.files(), corpus.bytes(), corpus.bytes() / 1e6,
                corpus.files() == 0 ? 0.0 : corpus.bytes() / 1024.0 / corpus.files(), seconds);
    }

    /**
     * Writes {@code count} reports under {@code out}, as {@code out/<year>/<id>.md}.
     * Files already in {@code out} are left alone (and overwritten when an id repeats).
     */
    public static GeneratedCorpus generate(int count, long seed, Path out) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        // One stream of per-report seeds: report i depends only on (seed, i) and the ids before it,
        // so a corpus of 50 is the first 50 files of a corpus of 10,000.
        SplittableRandom seeds = new SplittableRandom(seed);
        DayCounters counters = new DayCounters();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Dice dice = new Dice(seeds.nextLong());
            Incident incident = Incident.draw(dice, counters);
            byte[] report = new ReportWriter(incident, dice).write().getBytes(StandardCharsets.UTF_8);
            Path dir = out.resolve(String.valueOf(incident.started().getYear()));
            Files.createDirectories(dir);
            Files.write(dir.resolve(incident.id() + ".md"), report);
            bytes += report.length;
        }
        return new GeneratedCorpus(count, bytes);
    }

    /**
     * Random choices built on {@code nextLong()} alone: SplitMix64's sequence is fixed, so the corpus
     * does not depend on how a JDK release implements bounded or Gaussian helpers.
     */
    private static final class Dice {
        private final SplittableRandom random;

        Dice(long seed) {
            random = new SplittableRandom(seed);
        }

        int below(int bound) {
            return (int) Long.remainderUnsigned(random.nextLong(), bound);
        }

        int between(int low, int high) {
            return low + below(high - low + 1);
        }

        double unit() {
            return (random.nextLong() >>> 11) * 0x1.0p-53;
        }

        boolean chance(double probability) {
            return unit() < probability;
        }

        <T> T pick(List<T> items) {
            return items.get(below(items.size()));
        }

        double exponential(double mean) {
            return -mean * StrictMath.log(1 - unit());
        }

        double gaussian() {
            return StrictMath.sqrt(-2 * StrictMath.log(1 - unit())) * StrictMath.cos(2 * Math.PI * unit());
        }

        /** An index drawn with the given relative weights. */
        int weighted(int... weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = below(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            throw new AssertionError();
        }

        /** {@code k} distinct items in random order (a partial Fisher-Yates shuffle of a copy). */
        <T> List<T> distinct(List<T> items, int k) {
            List<T> copy = new ArrayList<>(items);
            for (int i = 0; i < k; i++) {
                int j = i + below(copy.size() - i);
                T swap = copy.get(i);
                copy.set(i, copy.get(j));
                copy.set(j, swap);
            }
            return List.copyOf(copy.subList(0, k));
        }
    }

    /** Hands out the NNN of {@code INC-YYYY-MM-DD-NNN}; a day that has used 999 passes on to the next. */
    private static final class DayCounters {
        private final int[] used = new int[START_DAYS];

        String nextId(int dayIndex) {
            int day = dayIndex;
            while (used[day] == 999) {
                day = (day + 1) % START_DAYS;
            }
            used[day]++;
            return String.format(Locale.ROOT, "INC-%s-%03d", FIRST_DAY.plusDays(day), used[day]);
        }
    }

    /** Everything decided about one incident before any text is written; text fields are in its language. */
    private record Incident(String id, boolean chinese, boolean frontMatter, int severity, String status,
            LocalDateTime started, LocalDateTime detected, LocalDateTime mitigated, LocalDateTime resolved,
            int utcOffset, List<String> services, List<String> tags, String owner, List<String> participants,
            String trigger, String shortCause, String cause, String symptom, String component, String state,
            String mitigation, double verbosity) {

        static Incident draw(Dice dice, DayCounters counters) {
            boolean chinese = dice.chance(0.6);
            boolean frontMatter = dice.chance(0.5);
            int dayIndex = dice.below(START_DAYS);
            String id = counters.nextId(dayIndex);
            LocalDate day = LocalDate.parse(id.substring(4, 14));
            int hour = dice.weighted(1, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 7, 7, 8, 8, 7, 6, 5, 4, 3, 3, 2, 1);
            LocalDateTime started = day.atTime(hour, dice.below(60));
            int severity = dice.weighted(3, 12, 35, 35, 15);
            // Most reports are a few KB; the log-normal spread and a rare "war story" give the long tail.
            double verbosity = Math.min(9, StrictMath.exp(0.6 * dice.gaussian()) * (dice.chance(0.03) ? 3.5 : 1));
            double slowness = severity <= 1 ? 1.5 : 1;
            LocalDateTime detected = started.plusMinutes(1 + Math.min(240, (long) dice.exponential(10)));
            LocalDateTime mitigated = detected.plusMinutes(5 + Math.min(1440, (long) dice.exponential(40 * slowness)));
            LocalDateTime resolved = mitigated.plusMinutes(Math.min(1440, (long) dice.exponential(50)));
            Scenario scenario = dice.pick(Vocabulary.SCENARIOS);
            List<String> services = dice.distinct(Vocabulary.SERVICES, 1 + dice.weighted(50, 35, 15));
            List<String> people = dice.distinct(chinese ? Vocabulary.CHINESE_NAMES : Vocabulary.ENGLISH_NAMES,
                    2 + dice.below(5));
            List<String> tags = new ArrayList<>(scenario.tags());
            String extraTag = dice.pick(Vocabulary.EXTRA_TAGS);
            if (dice.chance(0.6) && !tags.contains(extraTag)) {
                tags.add(extraTag);
            }
            String other = services.size() > 1 ? services.get(1) : otherService(dice, services.get(0));
            String cause = scenario.cause().in(chinese)
                    .replace("{n}", String.valueOf(dice.between(3, 12))).replace("{s2}", other);
            String status = List.of("final", "review", "draft").get(dice.weighted(70, 18, 12));
            int utcOffset = chinese ? 8 : dice.pick(List.of(0, 1, 2, -5, -8, 9));
            return new Incident(id, chinese, frontMatter, severity, status, started, detected, mitigated, resolved,
                    utcOffset, services, List.copyOf(tags), people.get(0), people.subList(1, people.size()),
                    scenario.trigger().in(chinese), scenario.shortCause().in(chinese), cause,
                    dice.pick(Vocabulary.SYMPTOMS).in(chinese), dice.pick(Vocabulary.COMPONENTS).in(chinese),
                    dice.pick(Vocabulary.STATES).in(chinese), dice.pick(Vocabulary.MITIGATIONS).in(chinese), verbosity);
        }

        String service() {
            return services.get(0);
        }

        LocalDate day() {
            return started.toLocalDate();
        }
    }

    /** A service other than {@code primary}, for "downstream" and "ruled out" phrases. */
    private static String otherService(Dice dice, String primary) {
        String other = dice.pick(Vocabulary.SERVICES);
        while (other.equals(primary)) {
            other = dice.pick(Vocabulary.SERVICES);
        }
        return other;
    }

    /** One row of the timeline table. */
    private record Event(LocalDateTime at, String what, String who) {}

    /** One action item; {@code completed} is null unless the status is completed. */
    private record Action(String id, String term, String description, String priority, String owner,
            LocalDate due, String status, LocalDate completed) {}

    /** The impact figures, shared by the front matter and the body so both tell the same story. */
    private record Impact(String scope, int users, String dataLoss, String business, double availability,
            double sloBefore, double sloAfter, int budgetConsumed) {}

    /** Writes one incident as Markdown, in the incident's style and language. */
    private static final class ReportWriter {
        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
        private static final DateTimeFormatter ISO_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
        private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

        private final Incident incident;
        private final Dice dice;
        private final boolean zh;
        private final StringBuilder out = new StringBuilder(8192);

        ReportWriter(Incident incident, Dice dice) {
            this.incident = incident;
            this.dice = dice;
            this.zh = incident.chinese();
        }

        String write() {
            // Draw every shared piece first so both styles consume the dice the same way up to here.
            Impact impact = impact();
            List<Action> actions = actions();
            String title = sentence(say("{short}导致 {s} 出现{symptom}", "{symptom} on {s} after {short}"));
            if (incident.frontMatter()) {
                frontMatter(title, impact, actions);
                if (dice.chance(0.3)) {
                    out.append("# ").append(title).append("\n\n");
                }
            } else {
                boolean generic = dice.chance(0.05);
                out.append("# ").append(generic ? say("故障复盘报告", "Post-mortem report") : title).append("\n\n");
                basicInformation(impact);
            }
            summary(impact, actions);
            timeline();
            impactSection(impact);
            rootCause();
            if (!incident.frontMatter()) {
                checklists(actions);
            }
            lessons();
            supportingData();
            references();
            return out.toString();
        }

        // ---- front matter and the seed template's 基本信息 ----

        private void frontMatter(String title, Impact impact, List<Action> actions) {
            String offset = !zh && dice.chance(0.15) ? "" : String.format(Locale.ROOT, "%+03d:00", incident.utcOffset());
            String severity = "P" + incident.severity();
            if (dice.chance(0.1)) {
                severity = zh ? severityLabel() : "SEV" + incident.severity();
            }
            out.append("---\n");
            key("id", incident.id());
            key("title", yaml(title, false));
            key("severity", yaml(severity, false));
            key("status", incident.status());
            key("started", ISO_MINUTE.format(incident.started()) + offset);
            key("detected", ISO_MINUTE.format(incident.detected()) + offset);
            key("mitigated", ISO_MINUTE.format(incident.mitigated()) + offset);
            key("resolved", ISO_MINUTE.format(incident.resolved()) + offset);
            key("services", flowList(incident.services()));
            key("tags", flowList(incident.tags()));
            key("owner", yaml(incident.owner(), false));
            key("participants", flowList(incident.participants()));
            key("summary", yaml(impactLine(impact), false));
            out.append("impact:\n");
            key("  scope", yaml(impact.scope(), false));
            key("  users", String.valueOf(impact.users()));
            key("  data_loss", yaml(impact.dataLoss(), false));
            key("  availability", number(impact.availability()));
            key("  slo_before", number(impact.sloBefore()));
            key("  slo_after", number(impact.sloAfter()));
            key("  error_budget_consumed", String.valueOf(impact.budgetConsumed()));
            key("root_cause", yaml(rootCauseLine(), false));
            key("trigger", yaml(incident.trigger(), false));
            out.append("contributing_factors:\n");
            for (String factor : draw(Vocabulary.FACTORS, 1 + dice.below(3))) {
                out.append("  - ").append(yaml(factor, false)).append('\n');
            }
            out.append("actions:\n");
            for (Action a : actions) {
                out.append("  - id: ").append(a.id()).append('\n');
                key("    description", yaml(a.description(), false));
                key("    priority", a.priority());
                key("    owner", yaml(a.owner(), false));
                key("    due", a.due().toString());
                key("    status", a.status());
                key("    completed", a.completed() == null ? "null" : a.completed().toString());
                key("    term", a.term());
                if (dice.chance(0.5)) {
                    key("    link", fill("https://tracker.example.com/OPS-{num}"));
                }
            }
            if (dice.chance(0.4)) {
                out.append("links:\n");
                out.append("  - title: ").append(yaml(say("变更记录", "Change log"), false)).append('\n');
                out.append("    url: ").append(fill("https://changes.example.com/{id}")).append('\n');
            }
            out.append("---\n\n");
        }

        private void basicInformation(Impact impact) {
            heading(2, say("基本信息", "Basic information"));
            LocalDateTime end = incident.resolved();
            String endText = end.toLocalDate().equals(incident.day()) ? CLOCK.format(end) : DAY_CLOCK.format(end);
            bullet(say("故障ID", "Incident ID"), incident.id());
            bullet(say("故障时间", "Incident time"), DAY_CLOCK.format(incident.started()) + " - " + endText
                    + String.format(Locale.ROOT, " (UTC%+d)", incident.utcOffset()));
            bullet(say("影响范围", "Impact scope"), impact.scope());
            bullet(say("影响服务", "Affected services"), String.join(", ", incident.services()));
            bullet(say("标签", "Tags"), String.join(", ", incident.tags()));
            bullet(say("故障等级", "Severity"), severityLabel());
            bullet(say("负责人", "Owner"), "@" + incident.owner());
            bullet(say("参与人", "Participants"), "@" + String.join(", @", incident.participants()));
            out.append('\n');
        }

        // ---- body sections, in the seed template's order ----

        private void summary(Impact impact, List<Action> actions) {
            heading(2, say("执行摘要", "Summary"));
            long toDetect = ChronoUnit.MINUTES.between(incident.started(), incident.detected());
            long toMitigate = ChronoUnit.MINUTES.between(incident.started(), incident.mitigated());
            out.append(zh
                    ? fill(DAY_CLOCK.format(incident.started()) + "，{s} 出现{symptom}。值班工程师在 "
                            + duration(toDetect) + "后通过告警发现问题，并在故障开始后 " + duration(toMitigate)
                            + "通过{mitigation}完成止损。")
                    : fill("On " + incident.day() + " at " + CLOCK.format(incident.started())
                            + ", {s} showed {symptom}. On-call noticed it after " + duration(toDetect)
                            + " and mitigated it " + duration(toMitigate) + " after the start by {mitigation}."));
            out.append(sentences(extra(0.7))).append("\n\n");
            if (!incident.frontMatter()) {
                out.append(zh ? "**影响**：" : "**Impact**: ").append(impactLine(impact)).append("\n\n");
                out.append(zh ? "**根本原因**：" : "**Root cause**: ").append(rootCauseLine()).append("\n\n");
                out.append(zh ? "**关键改进**：\n" : "**Key improvements**:\n");
                int n = 1;
                for (Action a : actions) {
                    if (!a.term().equals("immediate") && n <= 3) {
                        out.append(n++).append(". ").append(a.description()).append('\n');
                    }
                }
                out.append('\n');
            }
        }

        private void timeline() {
            heading(2, say("故障时间线", "Timeline"));
            out.append(zh ? "| 时间 | 事件 | 操作人 |\n|------|------|--------|\n" : "| Time | Event | Who |\n|------|-------|-----|\n");
            for (Event e : events()) {
                String at = e.at().toLocalDate().equals(incident.day()) ? CLOCK.format(e.at()) : DAY_CLOCK.format(e.at());
                out.append("| ").append(at).append(" | ").append(e.what()).append(" | ").append(e.who()).append(" |\n");
            }
            out.append('\n');
        }

        private List<Event> events() {
            String system = say("系统", "system");
            List<Event> events = new ArrayList<>();
            events.add(new Event(incident.started(), fill(say("故障开始：{short}", "Impact starts: {short}")),
                    dice.chance(0.5) ? system : person()));
            events.add(new Event(incident.detected(), fill(dice.pick(Vocabulary.DETECTIONS).in(zh)), system));
            long window = ChronoUnit.MINUTES.between(incident.detected(), incident.mitigated());
            // Shuffled once and used in turn, so a long timeline repeats an event only after using them all.
            List<Term> byPeople = dice.distinct(Vocabulary.PERSON_EVENTS, Vocabulary.PERSON_EVENTS.size());
            List<Term> bySystem = dice.distinct(Vocabulary.SYSTEM_EVENTS, Vocabulary.SYSTEM_EVENTS.size());
            List<Event> middle = new ArrayList<>();
            for (int i = scaled(3); i > 0; i--) {
                LocalDateTime at = incident.detected().plusMinutes(1 + dice.below((int) Math.max(1, window - 1)));
                boolean automatic = dice.chance(0.3);
                List<Term> pool = automatic ? bySystem : byPeople;
                middle.add(new Event(at, fill(pool.get(i % pool.size()).in(zh)), automatic ? system : person()));
            }
            middle.sort(Comparator.comparing(Event::at)); // stable: equal minutes keep their drawn order
            events.addAll(middle);
            events.add(new Event(incident.mitigated(), fill(say("开始{mitigation}", "Started {mitigation}")), person()));
            long tail = ChronoUnit.MINUTES.between(incident.mitigated(), incident.resolved());
            if (tail > 10) {
                events.add(new Event(incident.mitigated().plusMinutes(tail / 2),
                        fill(say("{s} 指标开始恢复", "{s} metrics started to recover")), system));
            }
            events.add(new Event(incident.resolved(), say(dice.chance(0.5) ? "服务完全恢复，故障关闭" : "确认所有指标恢复正常，解除故障",
                    dice.chance(0.5) ? "Service fully recovered; incident closed" : "All metrics back to normal; incident resolved"),
                    person()));
            return events;
        }

        private void impactSection(Impact impact) {
            heading(2, say("影响分析", "Impact"));
            if (incident.frontMatter() && dice.chance(0.5)) {
                // The figures are in the front matter already; many authors then write a line of prose.
                out.append(fill(say("{symptom}期间，" + impact.business() + "，数据丢失情况：" + impact.dataLoss() + "。",
                        "While {s} had {symptom}, " + impact.business() + "; data loss: " + impact.dataLoss() + ".")))
                        .append("\n\n");
                return;
            }
            heading(3, say("用户影响", "User impact"));
            bullet(say("受影响用户数", "Affected users"), String.format(Locale.ROOT, zh ? "约 %,d" : "about %,d", impact.users()));
            bullet(say("数据丢失", "Data loss"), impact.dataLoss());
            bullet(say("业务影响", "Business impact"), impact.business());
            out.append('\n');
            heading(3, say("系统影响", "System impact"));
            String length = duration(ChronoUnit.MINUTES.between(incident.started(), incident.resolved()));
            bullet(say("可用性", "Availability"), number(impact.availability()) + "% (" + length + ")");
            bullet(say("SLO 影响", "SLO impact"), zh
                    ? "月度可用性从 " + number(impact.sloBefore()) + "% 降至 " + number(impact.sloAfter()) + "%"
                    : "monthly availability fell from " + number(impact.sloBefore()) + "% to " + number(impact.sloAfter()) + "%");
            bullet(say("错误预算消耗", "Error budget consumed"), zh
                    ? "消耗 " + impact.budgetConsumed() + "% 月度预算" : impact.budgetConsumed() + "% of the monthly budget");
            out.append('\n');
            paragraphs(extra(0.5));
        }

        private void rootCause() {
            heading(2, say("根本原因分析", "Root cause analysis"));
            heading(3, say("直接原因", "Direct cause"));
            out.append(rootCauseLine()).append(sentences(extra(0.8))).append("\n\n");
            paragraphs(extra(0.5));
            heading(3, say("根本原因（5 Whys）", "Root cause (5 Whys)"));
            // The seed writes each answer as a top-level bullet after its question; front-matter
            // reports nest it properly. Both occur in real knowledge bases.
            String answerIndent = incident.frontMatter() ? "   " : "";
            int depth = incident.verbosity() < 0.6 ? 3 : 3 + dice.weighted(2, 3, 5);
            for (int level = 0; level < depth; level++) {
                WhyLevel why = Vocabulary.WHYS.get(level);
                String question = fill(dice.pick(why.questions()).in(zh));
                String answer = fill(dice.pick(why.answers()).in(zh));
                out.append(level + 1).append(". **").append(question).append("**\n")
                        .append(answerIndent).append("- ").append(answer).append("\n\n");
            }
            if (!incident.frontMatter()) {
                heading(3, say("贡献因素", "Contributing factors"));
                numbered(draw(Vocabulary.FACTORS, 1 + dice.below(3)));
            }
        }

        private void checklists(List<Action> actions) {
            heading(2, say("改进措施", "Action items"));
            for (String term : List.of("immediate", "short", "long")) {
                List<Action> ofTerm = actions.stream().filter(a -> a.term().equals(term)).toList();
                boolean allDone = ofTerm.stream().allMatch(a -> a.completed() != null);
                heading(3, switch (term) {
                    case "immediate" -> say(allDone && dice.chance(0.5) ? "立即措施（已完成）" : "立即措施", "Immediate");
                    case "short" -> say("短期措施（1周内）", "Short-term");
                    default -> say("长期措施（1个月内）", "Long-term");
                });
                for (Action a : ofTerm) {
                    out.append(a.completed() != null ? "- [x] " : "- [ ] ").append(a.description());
                    if (a.completed() != null) {
                        if (dice.chance(0.3)) {
                            out.append(" @").append(a.owner());
                        }
                        if (dice.chance(0.6)) {
                            out.append(" done:").append(a.completed());
                        }
                    } else if (dice.chance(0.65)) {
                        out.append(" @").append(a.owner()).append(" due:").append(a.due())
                                .append(" priority:").append(a.priority());
                        if (!a.status().equals("not-started")) {
                            out.append(" status:").append(a.status());
                        }
                    }
                    out.append('\n');
                }
                out.append('\n');
            }
        }

        private void lessons() {
            heading(2, say("经验教训", "Lessons learned"));
            heading(3, say("做得好的地方", "What went well"));
            numbered(draw(Vocabulary.WENT_WELL, 1 + dice.below(3)));
            heading(3, say("需要改进的地方", "To improve"));
            numbered(draw(Vocabulary.TO_IMPROVE, 1 + dice.below(3)));
        }

        /** Log excerpts are what make the long tail: a few reports paste hundreds of lines. */
        private void supportingData() {
            int lines = incident.verbosity() > 2.2 ? Math.min(200, scaled(22)) : dice.chance(0.2) ? dice.between(3, 10) : 0;
            if (lines == 0) {
                return;
            }
            heading(2, say("相关数据", "Supporting data"));
            heading(3, say("日志片段", "Log excerpt"));
            out.append("```text\n");
            List<String> pods = List.of(pod(), pod(), pod());
            LocalDateTime at = incident.detected().minusMinutes(2);
            long stepMillis = Math.max(50, ChronoUnit.MILLIS.between(at, incident.mitigated()) / lines);
            for (int i = 0; i < lines; i++) {
                at = at.plus(dice.below((int) Math.min(Integer.MAX_VALUE, 2 * stepMillis)), ChronoUnit.MILLIS);
                String[] line = dice.pick(Vocabulary.LOG_LINES);
                out.append(LOG_TIME.format(at)).append(' ').append(line[0]).append(" [").append(dice.pick(pods))
                        .append("] ").append(line[1]).append(" - ").append(fill(line[2])).append('\n');
                if (line[0].equals("ERROR") && dice.chance(0.1)) {
                    // A stack is a contiguous run of frames, innermost first.
                    int first = dice.below(3);
                    for (String frame : Vocabulary.STACK_FRAMES.subList(first, first + 3 + dice.below(4))) {
                        out.append("\tat ").append(frame).append('\n');
                    }
                }
            }
            out.append("```\n\n");
        }

        private void references() {
            if (incident.verbosity() < 0.6 || dice.chance(incident.frontMatter() ? 0.4 : 0.25)) {
                return;
            }
            heading(2, say("参考资料", "References"));
            for (String[] link : dice.distinct(Vocabulary.LINKS, 2 + dice.below(3))) {
                out.append("- [").append(say(link[0], link[1])).append("](").append(fill(link[2])).append(")\n");
            }
            if (!incident.frontMatter() && dice.chance(0.5)) {
                out.append("\n---\n\n").append(zh ? "**复盘会议记录**: " : "**Review meeting notes**: ")
                        .append(fill("[{id}](https://wiki.example.com/postmortems/{id})\n"));
            }
        }

        // ---- content shared by both styles ----

        private Impact impact() {
            int worst = 4 - incident.severity(); // 4 for P0 .. 0 for P4
            int users = (int) Math.min(5_000_000, Math.round(dice.exponential(200 * Math.pow(6, worst))) + 1);
            double availability = worst == 4 ? 0 : Math.max(0, 100 - dice.between(5, 20 * (worst + 1)));
            double sloBefore = 99.9 + dice.below(10) / 100.0;
            double drop = (1 + dice.below(5 * (worst + 1))) / 100.0;
            return new Impact(fill(dice.pick(Vocabulary.SCOPES).in(zh)), users,
                    fill(dice.pick(Vocabulary.DATA_LOSS).in(zh)), fill(dice.pick(Vocabulary.BUSINESS).in(zh)),
                    availability, sloBefore, Math.round((sloBefore - drop) * 100) / 100.0,
                    (int) Math.round(drop / 0.1 * 100));
        }

        private List<Action> actions() {
            List<Action> actions = new ArrayList<>();
            List<String> people = new ArrayList<>(incident.participants());
            people.add(incident.owner());
            String[] terms = {"immediate", "short", "long"};
            for (int t = 0; t < 3; t++) {
                int count = Math.min(Vocabulary.ACTIONS.get(t).size(), 1 + dice.below(t == 1 ? 3 : 2) + extra(0.5));
                for (Term description : dice.distinct(Vocabulary.ACTIONS.get(t), count)) {
                    LocalDate due = incident.day().plusDays(switch (t) {
                        case 0 -> dice.below(2);
                        case 1 -> dice.between(2, 7);
                        default -> dice.between(14, 45);
                    });
                    // Immediate steps were mostly done during the incident; long-term ones are often still open.
                    String status = List.of("completed", "in-progress", "not-started", "blocked", "cancelled").get(switch (t) {
                        case 0 -> dice.weighted(85, 8, 0, 0, 7);
                        case 1 -> dice.weighted(55, 18, 12, 7, 8);
                        default -> dice.weighted(35, 25, 25, 7, 8);
                    });
                    LocalDate completed = status.equals("completed")
                            ? incident.day().plusDays(dice.below((int) ChronoUnit.DAYS.between(incident.day(), due) + 6))
                            : null;
                    String priority = List.of("critical", "high", "medium", "low")
                            .get(Math.min(3, t + dice.weighted(2, 5, 2)));
                    actions.add(new Action("A" + (actions.size() + 1), terms[t], fill(description.in(zh)), priority,
                            dice.pick(people), due, status, completed));
                }
            }
            return actions;
        }

        private String impactLine(Impact impact) {
            String length = duration(ChronoUnit.MINUTES.between(incident.started(), incident.resolved()));
            return zh
                    ? fill("{s} 出现{symptom}，持续约 " + length + String.format(Locale.ROOT, "，约 %,d 名用户受到影响。", impact.users()))
                    : sentence("{symptom} on {s} for " + length
                            + String.format(Locale.ROOT, "; about %,d users were affected.", impact.users()));
        }

        private String rootCauseLine() {
            return sentence(say("{cause}，导致{c}{state}。", "{cause}, which left the {c} {state}."));
        }

        /** {@code count} observation sentences built from phrase lists, each after a separating space in English. */
        private String sentences(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(zh ? "" : " "); // follows a sentence: the caller's, or the one before
                text.append(sentence(dice.pick(Vocabulary.OPENERS).in(zh) + dice.pick(Vocabulary.OBSERVATIONS).in(zh)
                        + dice.pick(Vocabulary.CONSEQUENCES).in(zh) + say("。", ".")));
            }
            return text.toString();
        }

        private void paragraphs(int count) {
            for (int i = 0; i < count; i++) {
                out.append(sentences(2 + dice.below(4)).strip()).append("\n\n");
            }
        }

        /** A count that grows with the incident's verbosity, with some jitter; at least 1. */
        private int scaled(double base) {
            return Math.max(1, extra(base));
        }

        /** Like {@link #scaled} but may be 0. */
        private int extra(double base) {
            return (int) Math.round(base * incident.verbosity() * (0.6 + 0.8 * dice.unit()));
        }

        private List<String> draw(List<Term> phrases, int count) {
            return dice.distinct(phrases, count).stream().map(p -> sentence(p.in(zh))).toList();
        }

        /** Replaces {slots} in a phrase with the incident's facts or fresh numbers. */
        private String fill(String template) {
            StringBuilder text = new StringBuilder(template.length() + 32);
            int i = 0;
            while (i < template.length()) {
                int open = template.indexOf('{', i);
                int close = open < 0 ? -1 : template.indexOf('}', open);
                if (close < 0) {
                    text.append(template, i, template.length());
                    break;
                }
                text.append(template, i, open).append(slot(template.substring(open + 1, close)));
                i = close + 1;
            }
            return text.toString();
        }

        private String slot(String name) {
            return switch (name) {
                case "s" -> incident.service();
                case "s2" -> incident.services().size() > 1 ? incident.services().get(1) : otherService(dice, incident.service());
                case "c" -> incident.component();
                case "state" -> incident.state();
                case "cause" -> incident.cause();
                case "short" -> incident.shortCause();
                case "symptom" -> incident.symptom();
                case "mitigation" -> incident.mitigation();
                case "sev" -> "P" + incident.severity();
                case "id" -> incident.id();
                case "p" -> person();
                case "n" -> String.valueOf(dice.between(2, 20));
                case "num" -> String.valueOf(dice.between(100, 9999));
                case "pct" -> String.valueOf(dice.between(50, 99));
                case "ms" -> String.valueOf(dice.between(2, 300) * 100);
                default -> throw new IllegalArgumentException("unknown slot {" + name + "}");
            };
        }

        private String person() {
            int i = dice.below(incident.participants().size() + 1);
            return "@" + (i == 0 ? incident.owner() : incident.participants().get(i - 1));
        }

        private String pod() {
            return incident.service() + "-" + Integer.toHexString(0x10000 + dice.below(0xEFFFF)) + "-"
                    + (char) ('a' + dice.below(26)) + (char) ('a' + dice.below(26)) + dice.below(10);
        }

        private String severityLabel() {
            return "P" + incident.severity() + " (" + (zh ? List.of("致命", "严重", "一般", "轻微", "提示")
                    : List.of("critical", "major", "moderate", "minor", "low")).get(incident.severity()) + ")";
        }

        private String duration(long minutes) {
            long h = minutes / 60;
            long m = minutes % 60;
            if (zh) {
                return h == 0 ? m + " 分钟" : m == 0 ? h + " 小时" : h + " 小时 " + m + " 分钟";
            }
            return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
        }

        private String say(String chinese, String english) {
            return zh ? chinese : english;
        }

        // ---- Markdown and YAML output ----

        private void heading(int level, String text) {
            out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        }

        private void bullet(String label, String value) {
            out.append("- **").append(label).append("**: ").append(value).append('\n');
        }

        private void numbered(List<String> items) {
            for (int i = 0; i < items.size(); i++) {
                out.append(i + 1).append(". ").append(items.get(i)).append('\n');
            }
            out.append('\n');
        }

        private void key(String key, String value) {
            out.append(key).append(": ").append(value).append('\n');
        }

        private static String flowList(List<String> items) {
            return "[" + String.join(", ", items.stream().map(item -> yaml(item, true)).toList()) + "]";
        }

        /** Numbers as YAML reads them back: no trailing ".0", no locale-specific separators. */
        private static String number(double value) {
            if (value == Math.rint(value)) {
                return String.valueOf((long) value);
            }
            return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
        }

        /**
         * A YAML scalar, double-quoted when plain style would misread it: indicators at the start,
         * ": " or " #" inside, flow punctuation in a flow list, or words YAML resolves to non-strings.
         */
        private static String yaml(String value, boolean inFlow) {
            boolean quote = value.isEmpty() || "-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0
                    || value.contains(": ") || value.contains(" #") || value.endsWith(":")
                    || value.startsWith(" ") || value.endsWith(" ") || value.contains("\t")
                    || (inFlow && value.chars().anyMatch(ch -> ",[]{}".indexOf(ch) >= 0))
                    || value.matches("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._:eE+-]*");
            if (!quote) {
                return value;
            }
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        /** Fills a phrase and capitalises it as a sentence, except where it starts with a name. */
        private String sentence(String template) {
            String text = fill(template);
            if (zh || template.startsWith("{s}") || template.startsWith("{s2}") || template.startsWith("{p}")
                    || text.isEmpty()) {
                return text;
            }
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    /** A phrase in both languages. */
    private record Term(String zh, String en) {
        String in(boolean chinese) {
            return chinese ? zh : en;
        }
    }

    /** One level of the 5 Whys: the ways to ask it and the ways to answer it. */
    private record WhyLevel(List<Term> questions, List<Term> answers) {}

    /** A coherent failure story: what triggered it, a short name for titles, the cause, and its tags. */
    private record Scenario(Term trigger, Term shortCause, Term cause, List<String> tags) {}

    /** The word and phrase lists. Phrases may hold {slots}, see {@code ReportWriter.slot}. */
    private static final class Vocabulary {
        static final List<String> SERVICES = List.of("api-gateway", "payment-service", "order-service",
                "user-service", "auth-service", "search-service", "notification-service", "inventory-service",
                "checkout-api", "otlp-collector", "kafka-cluster", "redis-cache", "mysql-primary", "postgres-main",
                "elasticsearch", "cdn-edge", "dns-resolver", "billing-worker", "recommendation-engine",
                "image-resizer", "session-store", "config-center", "message-queue", "job-scheduler", "log-pipeline",
                "metrics-store", "feature-flags", "identity-provider", "shipping-service", "report-exporter");
        static final List<String> CHINESE_NAMES = List.of("张三", "李四", "王五", "赵六", "陈晨", "刘洋", "杨帆",
                "黄磊", "周杰", "吴敏", "徐静", "孙浩", "马超", "朱琳", "胡军", "郭峰", "何欣", "高远", "林涛", "罗佳");
        static final List<String> ENGLISH_NAMES = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace",
                "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor",
                "walter", "yuki");
        static final List<String> EXTRA_TAGS = List.of("customer-facing", "database", "network", "capacity",
                "deploy", "monitoring", "third-party", "on-call", "latency", "availability");

        static final List<Scenario> SCENARIOS = List.of(
                scenario("配置变更", "config change", "批处理参数调整", "a batch size change",
                        "配置变更将 batch_size 从 1000 提高到 10000", "a config change raised batch_size from 1000 to 10000",
                        "config-change", "memory"),
                scenario("代码发布", "deploy", "新版本发布", "a release",
                        "新版本引入了一条未走索引的慢查询", "the new release introduced a query that skipped the index",
                        "deploy", "slow-query"),
                scenario("流量突增", "traffic spike", "营销活动流量激增", "a marketing campaign",
                        "营销活动带来了平时 {n} 倍的流量", "a marketing campaign brought {n} times the usual traffic",
                        "capacity", "traffic"),
                scenario("证书过期", "certificate expiry", "证书过期", "an expired certificate",
                        "内部 mTLS 证书过期且未自动续期", "the internal mTLS certificate expired and was not renewed",
                        "certificate", "tls"),
                scenario("重试风暴", "retry storm", "重试风暴", "a retry storm",
                        "客户端在超时后立即重试，形成重试风暴", "clients retried at once after timeouts and built a retry storm",
                        "retry", "cascading-failure"),
                scenario("基础设施变更", "infrastructure change", "节点池升级", "a node pool upgrade",
                        "节点池滚动升级时同时驱逐了过多 Pod", "a node pool upgrade evicted too many pods at once",
                        "kubernetes", "infrastructure"),
                scenario("数据库迁移", "schema migration", "表结构变更", "a schema migration",
                        "表结构变更在业务高峰期锁住了热点表", "a schema migration locked a hot table at peak time",
                        "database", "migration"),
                scenario("缓存失效", "cache expiry", "缓存集中失效", "a cache stampede",
                        "大量缓存键同时过期，请求直接打到数据库", "many cache keys expired at once and requests hit the database",
                        "cache", "thundering-herd"),
                scenario("第三方故障", "third-party outage", "第三方支付通道故障", "a payment provider outage",
                        "第三方支付通道的响应时间从 200 ms 上升到 8 s", "the payment provider's response time rose from 200 ms to 8 s",
                        "third-party", "dependency"),
                scenario("磁盘写满", "disk full", "日志写满磁盘", "logs filling the disk",
                        "日志未配置轮转，写满了数据盘", "logs were never rotated and filled the data disk",
                        "disk", "logging"),
                scenario("网络变更", "network change", "安全组变更", "a security group change",
                        "安全组规则变更误封了 {s2} 的访问端口", "a security group change blocked the port of {s2}",
                        "network", "config-change"),
                scenario("依赖升级", "dependency upgrade", "客户端库升级", "a client library upgrade",
                        "客户端库升级后连接默认不再复用", "a client library upgrade stopped reusing connections by default",
                        "dependency", "deploy"),
                scenario("DNS 变更", "DNS change", "DNS 记录变更", "a DNS change",
                        "DNS 记录的 TTL 被误设为 86400 秒，切换迟迟不生效", "a DNS record's TTL was set to 86400 s, so the failover lagged",
                        "dns", "network"),
                scenario("定时任务", "batch job", "夜间对账任务", "a nightly batch job",
                        "夜间对账任务与在线流量争抢数据库资源", "the nightly reconciliation job competed with live traffic for the database",
                        "batch", "database"));

        static final List<Term> SYMPTOMS = terms("大量 5xx 错误", "elevated 5xx error rates", "请求超时", "request timeouts",
                "消息丢失", "message loss", "数据延迟", "data delays", "内存溢出", "out-of-memory crashes",
                "实例反复重启", "crash loops", "延迟飙升", "latency spikes", "写入失败", "write failures",
                "登录失败", "login failures", "页面白屏", "blank pages", "重复扣款", "duplicate charges",
                "搜索结果为空", "empty search results");
        static final List<Term> COMPONENTS = terms("数据库连接池", "database connection pool", "线程池", "thread pool",
                "负载均衡器", "load balancer", "缓存集群", "cache cluster", "JVM 堆内存", "JVM heap", "数据盘", "data disk",
                "Kafka 消费者组", "Kafka consumer group", "索引分片", "index shard", "主从复制链路", "replication link",
                "限流器", "rate limiter", "熔断器", "circuit breaker", "K8s 节点池", "Kubernetes node pool",
                "Ingress 控制器", "ingress controller", "Sidecar 代理", "sidecar proxy", "消息队列", "message queue",
                "配置中心客户端", "config client");
        static final List<Term> STATES = terms("被耗尽", "exhausted", "达到饱和", "saturated", "严重过载", "overloaded",
                "完全不可用", "unavailable", "配置错误", "misconfigured", "卡死", "stuck", "响应缓慢", "responding slowly");
        static final List<Term> MITIGATIONS = terms("回滚变更", "rolling back the change", "切换流量到备用集群",
                "failing over to the standby cluster", "扩容实例", "scaling out", "重启全部实例", "restarting all instances",
                "关闭非核心功能", "switching off non-critical features", "收紧限流阈值", "tightening rate limits",
                "手动续期证书", "renewing the certificate by hand", "清理磁盘空间", "freeing disk space");
        static final List<Term> SCOPES = terms("{s} 全部实例", "all {s} instances", "{s} 华东区域", "{s} in eu-west-1",
                "{s} 部分租户", "some {s} tenants", "{s} 及下游 {s2}", "{s} and downstream {s2}");
        static final List<Term> DATA_LOSS = terms("无", "none", "无（启用了本地缓存）", "none (local buffering)",
                "少量日志丢失", "some log lines lost", "约 {num} 条消息丢失", "about {num} messages lost",
                "无，但数据延迟上报", "none, but data arrived late");
        static final List<Term> BUSINESS = terms("部分订单提交失败", "some orders could not be placed", "用户登录受影响",
                "users could not log in", "报表生成延迟", "reports were generated late", "搜索功能降级", "search was degraded",
                "支付成功率下降 {n}%", "payment success rate fell by {n}%", "客服工单增加 {num} 个", "{num} extra support tickets");
        static final List<Term> DETECTIONS = terms("监控告警：{s} 错误率超过 {pct}%", "Alert: {s} error rate above {pct}%",
                "{s} P99 延迟告警触发", "{s} P99 latency alert fired", "收到用户投诉，客服升级到值班群",
                "Support escalated user complaints to on-call", "合成监控探测 {s} 失败", "Synthetic probe against {s} failed");
        static final List<Term> PERSON_EVENTS = terms("值班工程师确认告警，开始排查", "On-call acknowledged the alert and started investigating",
                "拉起故障群，故障升级为 {sev}", "Opened an incident channel and set severity to {sev}",
                "查看 {s} 日志，发现大量超时错误", "Found many timeout errors in the {s} logs",
                "定位到{c}{state}", "Found that the {c} was {state}",
                "尝试将 {s} 扩容到 {n} 个副本，效果不明显", "Scaled {s} to {n} replicas, with little effect",
                "通知客服与业务方，发布故障公告", "Informed support and the business owners",
                "暂停 {s} 的发布流水线", "Paused the {s} deployment pipeline", "排除 {s2} 的问题", "Ruled out {s2}",
                "对比变更记录，怀疑与{short}有关", "Compared the change log and suspected {short}",
                "重启部分 {s} 实例，短暂恢复后再次异常", "Restarted some {s} instances; errors came back soon after",
                "联系 {s2} 负责团队协助排查", "Asked the {s2} team for help", "在状态页发布故障更新", "Posted a status page update");
        static final List<Term> SYSTEM_EVENTS = terms("{s} 错误率达到峰值 {pct}%", "{s} error rate peaked at {pct}%",
                "{s2} 开始出现级联超时", "{s2} started to see cascading timeouts", "自动扩容触发，新增 {n} 个实例",
                "Autoscaler added {n} instances", "{c}告警再次触发", "{c} alert fired again");
        static final List<Term> OPENERS = terms("从监控数据看，", "looking at the dashboards, ", "根据日志分析，", "the logs show that ",
                "事后复查发现，", "in hindsight, ", "在排查过程中，", "during the investigation ", "复盘会上大家一致认为，",
                "the review agreed that ", "进一步分析表明，", "further analysis showed that ", "值班记录显示，",
                "the on-call notes show that ", "对比变更前后的数据可以看到，", "comparing data from before the change, ");
        static final List<Term> OBSERVATIONS = terms("{s} 的 P99 延迟从 {n}0 ms 上升到 {ms} ms",
                "the P99 latency of {s} rose from {n}0 ms to {ms} ms", "{s} 的错误率在 {n} 分钟内升至 {pct}%",
                "the error rate of {s} reached {pct}% within {n} minutes", "{c}的使用率长时间保持在 {pct}% 以上",
                "the {c} stayed above {pct}% utilisation for a long time", "{s} 的重试请求占到总流量的 {pct}%",
                "retries made up {pct}% of the traffic to {s}", "{s} 的 GC 停顿时间明显增加",
                "GC pauses on {s} grew noticeably", "{s} 与 {s2} 之间的调用出现大量超时", "calls from {s} to {s2} timed out in bulk",
                "{c}的告警在故障前 {n} 分钟就已出现", "the {c} alert had fired {n} minutes before the incident",
                "{s} 的副本数在高峰期不足以承载流量", "{s} had too few replicas for peak traffic",
                "{s} 的连接数在 {n} 分钟内翻了一倍", "connections to {s} doubled within {n} minutes");
        static final List<Term> CONSEQUENCES = terms("", "", "，这进一步放大了故障影响", ", which made the impact worse",
                "，但当时并未引起足够重视", ", but nobody acted on it at the time", "，与用户投诉的时间点吻合",
                ", matching the time of the user complaints", "，这解释了恢复时间偏长的原因", ", which explains the slow recovery");
        static final List<Term> FACTORS = terms("内存监控告警阈值设置过高（90%）", "memory alert threshold too high (90%)",
                "缺少自动重启机制", "no automatic restart", "配置变更未经过灰度发布", "config changes skip the canary stage",
                "{s} 没有设置合理的超时时间", "{s} has no sensible timeouts", "值班交接时信息不完整", "incomplete on-call handover",
                "{c}缺少容量监控", "no capacity monitoring for the {c}", "预发环境与生产环境配置不一致",
                "staging and production configs differ", "重试没有退避策略", "retries without backoff",
                "{s2} 与 {s} 之间缺少隔离", "no bulkhead between {s} and {s2}");
        static final List<Term> WENT_WELL = terms("本地缓存机制避免了数据丢失", "local buffering prevented data loss",
                "值班工程师响应及时", "on-call responded quickly", "回滚操作执行迅速", "the rollback was fast",
                "故障群沟通清晰，分工明确", "the incident channel had clear roles", "监控告警在 {n} 分钟内发现了问题",
                "alerts caught the problem within {n} minutes", "{s} 的降级开关按预期生效", "the {s} kill switch worked as designed",
                "值班手册中的步骤准确可用", "the runbook steps were accurate", "客服及时同步了用户反馈",
                "support relayed user reports promptly");
        static final List<Term> TO_IMPROVE = terms("配置变更缺少充分测试", "config changes lack testing",
                "监控告警不够敏感", "alerts were not sensitive enough", "缺少自动恢复机制", "no automatic recovery",
                "{c}的容量没有提前评估", "nobody planned the capacity of the {c}", "故障升级不够及时", "escalation came late",
                "变更记录分散，定位耗时较长", "change records are scattered, which slowed the diagnosis",
                "缺少 {s} 的压测数据", "no load-test data for {s}", "状态页更新不及时", "the status page lagged behind");
        /** The 5 Whys, one level per entry: each draws one question and one answer from its lists. */
        static final List<WhyLevel> WHYS = List.of(
                new WhyLevel(terms("为什么 {s} 出现{symptom}？", "Why did {s} show {symptom}?",
                        "为什么用户会看到{symptom}？", "Why did users see {symptom}?"),
                        terms("因为{c}{state}", "Because the {c} was {state}.",
                        "因为 {s} 依赖的{c}{state}", "Because the {c} that {s} depends on was {state}.")),
                new WhyLevel(terms("为什么{c}{state}？", "Why was the {c} {state}?"), terms("因为{cause}", "Because {cause}.")),
                new WhyLevel(terms("为什么这个问题没有在上线前被发现？", "Why was this not caught before production?",
                        "为什么测试没有覆盖到这种情况？", "Why did the tests not cover this case?",
                        "为什么变更前没有识别出这个风险？", "Why was the risk not spotted before the change?"),
                        terms("因为预发环境的流量只有生产的十分之一", "Because staging gets a tenth of production traffic.",
                        "因为压测没有覆盖这条调用路径", "Because the load tests skip this call path.",
                        "因为单元测试使用了模拟的{c}", "Because the unit tests mock the {c}.")),
                new WhyLevel(terms("为什么流程没有拦住这次变更？", "Why did the process not stop this change?",
                        "为什么缺少相应的检查机制？", "Why is there no check for this?"),
                        terms("因为缺少配置变更的影响评估流程", "Because config changes have no impact assessment.",
                        "因为变更审批只需要一人确认", "Because one approval is enough for a change.")),
                new WhyLevel(terms("为什么流程没有及时更新？", "Why was the process not updated?",
                        "为什么这个问题长期没有被重视？", "Why was this ignored for so long?"),
                        terms("因为团队规模扩大后，流程未及时更新", "Because the team grew faster than its processes.",
                        "因为 {s} 的负责人在重组后不明确", "Because {s} had no clear owner after the reorganisation.")));
        /** Action phrases by term: immediate, short, long. */
        static final List<List<Term>> ACTIONS = List.of(
                terms("回滚 {s} 到上一个稳定版本", "Roll {s} back to the last good version", "重启 {s} 全部实例",
                        "Restart all {s} instances", "临时扩容 {s} 至 {n} 个副本", "Scale {s} to {n} replicas for now",
                        "清理{c}中积压的数据", "Drain the backlog in the {c}", "验证服务恢复情况", "Verify the recovery",
                        "暂停相关变更发布", "Freeze related changes"),
                terms("降低{c}告警阈值到 {pct}%", "Lower the {c} alert threshold to {pct}%",
                        "为 {s} 添加自动重启机制（K8s liveness probe）", "Add automatic restarts to {s} (K8s liveness probe)",
                        "补充 {s} 的容量监控大盘", "Add a capacity dashboard for {s}", "实施配置变更的影响评估流程",
                        "Introduce impact assessment for config changes", "为{c}增加限流保护", "Put a rate limit in front of the {c}",
                        "完善 {s} 的值班手册", "Update the {s} runbook", "修复 {s} 的重试逻辑，增加指数退避",
                        "Add exponential backoff to {s} retries", "为 {s} 的关键接口补充超时设置", "Set timeouts on the key {s} endpoints"),
                terms("建立配置变更的灰度发布流程", "Canary all config changes", "完善容量规划模型", "Improve the capacity model",
                        "实施混沌工程测试", "Run chaos experiments", "将 {s} 迁移到多可用区部署", "Move {s} to a multi-zone deployment",
                        "引入{c}的自动扩缩容", "Autoscale the {c}", "建设统一的变更管理平台", "Build one change management platform",
                        "梳理 {s} 的依赖关系并消除单点", "Map the dependencies of {s} and remove single points of failure",
                        "定期开展故障演练", "Hold regular game days"));
        /** Log lines: level, logger, message. */
        static final List<String[]> LOG_LINES = List.of(
                new String[] {"ERROR", "c.z.hikari.pool.HikariPool", "Connection is not available, request timed out after {ms}ms"},
                new String[] {"WARN ", "c.e.core.RetryPolicy", "Retrying request to {s2} (attempt {n}/20)"},
                new String[] {"INFO ", "c.e.health.Probe", "Health check failed: status=503"},
                new String[] {"ERROR", "c.e.core.Worker", "java.lang.OutOfMemoryError: Java heap space"},
                new String[] {"WARN ", "jvm.gc", "GC pause {ms}ms exceeds threshold"},
                new String[] {"ERROR", "c.e.gateway.UpstreamClient", "upstream {s2} responded 502 after {ms}ms"},
                new String[] {"INFO ", "c.e.resilience.CircuitBreaker", "Circuit breaker OPEN for {s2}"},
                new String[] {"ERROR", "o.a.k.c.consumer.Fetcher", "Consumer lag {num} exceeds limit on partition {n}"},
                new String[] {"INFO ", "c.e.api.AccessLog", "GET /api/v1/orders/{num} 504 {ms}ms"},
                new String[] {"WARN ", "i.n.channel.DefaultChannelPipeline", "Connection reset by peer"});
        /** One call stack, innermost frame first. */
        static final List<String> STACK_FRAMES = List.of(
                "com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)",
                "com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:100)",
                "com.example.repo.OrderRepository.find(OrderRepository.java:57)",
                "com.example.api.OrderController.get(OrderController.java:39)",
                "com.example.core.Dispatcher.dispatch(Dispatcher.java:88)",
                "com.example.core.Worker.process(Worker.java:142)",
                "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
                "java.base/java.lang.Thread.run(Thread.java:840)");
        /** Reference links: Chinese title, English title, URL. */
        static final List<String[]> LINKS = List.of(
                new String[] {"变更记录", "Change log", "https://changes.example.com/{id}"},
                new String[] {"监控大盘", "Dashboard", "https://grafana.example.com/d/{s}"},
                new String[] {"相关 Issue", "Related issue", "https://github.com/example/{s}/issues/{num}"},
                new String[] {"改进措施跟踪", "Action tracker", "https://jira.example.com/browse/OPS-{num}"},
                new String[] {"值班手册", "Runbook", "https://wiki.example.com/runbooks/{s}"});

        private static Scenario scenario(String zhTrigger, String enTrigger, String zhShort, String enShort,
                String zhCause, String enCause, String... tags) {
            return new Scenario(new Term(zhTrigger, enTrigger), new Term(zhShort, enShort), new Term(zhCause, enCause),
                    List.of(tags));
        }

        /** Pairs of (Chinese, English) strings as terms. */
        private static List<Term> terms(String... pairs) {
            List<Term> terms = new ArrayList<>();
            for (int i = 0; i < pairs.length; i += 2) {
                terms.add(new Term(pairs[i], pairs[i + 1]));
            }
            return List.copyOf(terms);
        }
    }
}
