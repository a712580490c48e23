package dev.hindsight.load;

import dev.hindsight.cache.CacheReader;
import dev.hindsight.cache.CacheWriter;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Level;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Lesson;
import dev.hindsight.model.LessonKind;
import dev.hindsight.model.Link;
import dev.hindsight.model.Priority;
import dev.hindsight.model.ReportSource;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.RootCauseAnalysis;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionRole;
import dev.hindsight.model.Severity;
import dev.hindsight.model.Term;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.model.WhyStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec of the reports cache, over values the report corpora rarely hold: every field's extremes, nulls where
 * the model allows them, strings no charset keeps, nested extra data. Incidents are drawn from fixed seeds, so a
 * failure names a seed that reproduces it.
 */
class IncidentCodecTest {
    private static final String[] STRINGS = {"", "a", "Root cause", "根因分析", "\uD800", "tail \uDBFF", "\uDC00 head",
            "😀", "ÿ", "Ā", "\u0000", "line\nbreak", "x".repeat(3_000)};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.of("+05:45"), ZoneOffset.of("-09:30"),
            ZoneOffset.MAX, ZoneOffset.MIN, ZoneOffset.ofHoursMinutesSeconds(-3, -25, -7)};
    private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000};
    private static final double[] DOUBLES = {0.0, -0.0, 99.95, -1e-300, Double.NaN, Double.POSITIVE_INFINITY,
            Double.MAX_VALUE};

    @TempDir
    Path directory;

    private <T> T roundTrip(T value, CacheWriter.ItemWriter<T> write, CacheReader.ItemReader<T> read) throws IOException {
        Path file = directory.resolve("codec.cache");
        try (CacheWriter out = CacheWriter.create(file, IncidentCodec.KIND)) {
            write.write(out, value);
        }
        CacheReader in = CacheReader.open(file, IncidentCodec.KIND);
        T back = read.read(in);
        in.expectEnd();
        return back;
    }

    @Test
    void drawnIncidentsComeBackEqualWithTheirExtraKeysInOrder() throws IOException {
        for (long seed = 0; seed < 300; seed++) {
            Incident incident = new Draw(new Random(seed)).incident();

            Incident back = roundTrip(incident, IncidentCodec::writeIncident, new IncidentCodec()::readIncident);

            assertThat(back).as("seed %d", seed).isEqualTo(incident);
            assertThat(back.extra()).as("seed %d", seed).hasToString(incident.extra().toString());
            assertThat(back.source().markdown()).as("seed %d", seed).isEqualTo(incident.source().markdown());
            assertThat(back.times().started().getOffset()).isEqualTo(incident.times().started().getOffset());
        }
    }

    @Test
    void timesKeepTheirOffsetAndNanosecondsExactly() throws IOException {
        OffsetDateTime[] times = {OffsetDateTime.of(2025, 10, 5, 14, 30, 0, 1, ZoneOffset.of("+05:45")),
                OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.of("-12:00")),
                OffsetDateTime.MIN, OffsetDateTime.MAX};
        for (OffsetDateTime time : times) {
            TimelineEntry entry = new TimelineEntry(time, "event", null);

            TimelineEntry back = roundTrip(entry, (out, e) -> IncidentCodec.writeIncident(out, incidentWith(e)),
                    in -> new IncidentCodec().readIncident(in).timeline().get(0));

            assertThat(back).isEqualTo(entry);
            assertThat(back.time().getOffset()).isEqualTo(time.getOffset());
            assertThat(back.time().getNano()).isEqualTo(time.getNano());
        }
    }

    @Test
    void aResultWithoutAnIncidentKeepsItsDiagnostics() throws IOException {
        ReportLoader.FileResult result = new ReportLoader.FileResult("bad/broken.md", Optional.empty(), List.of(
                new Diagnostic("bad/broken.md", 3, 0, Level.ERROR, DiagnosticCode.UNKNOWN_VALUE, "no P9", null),
                new Diagnostic("bad/broken.md", -1, Integer.MAX_VALUE, Level.WARNING, DiagnosticCode.GENERIC_TITLE,
                        "", "\uD800 hint")));

        assertThat(roundTrip(result, IncidentCodec::writeFileResult, new IncidentCodec()::readFileResult)).isEqualTo(result);
    }

    @Test
    void aResultWithAnIncidentKeepsItsIdLine() throws IOException {
        ReportLoader.FileResult result = new ReportLoader.FileResult("a.md",
                Optional.of(new ReportParser.Parsed(new Draw(new Random(7)).incident(), 12)), List.of());

        assertThat(roundTrip(result, IncidentCodec::writeFileResult, new IncidentCodec()::readFileResult)).isEqualTo(result);
    }

    private static Incident incidentWith(TimelineEntry entry) {
        return new Incident("INC-1", "t", Severity.P1, ReportStatus.FINAL, new IncidentTimes(entry.time(), null, null,
                null), List.of(), List.of(), null, List.of(), null, Impact.UNKNOWN,
                new RootCauseAnalysis(null, null, null, List.of(), List.of()), List.of(entry), List.of(), List.of(),
                List.of(), Map.of(), new ReportSource("a.md", ReportStyle.FRONT_MATTER, "", 1, List.of()));
    }

    /** Random model values from the tricky pools above, nulls wherever the records allow them. */
    private static final class Draw {
        private final Random random;

        Draw(Random random) {
            this.random = random;
        }

        Incident incident() {
            OffsetDateTime started = time();
            String id = string();
            return new Incident(id, string(), pick(Severity.values()), pick(ReportStatus.values()),
                    new IncidentTimes(started, orNull(time()), orNull(time()), orNull(time())), strings(), strings(),
                    orNull(string()), strings(), orNull(string()), impact(), analysis(), timeline(), actions(id),
                    lessons(), links(), extraMap(2), source());
        }

        private Impact impact() {
            return new Impact(orNull(string()), orNull(LONGS[random.nextInt(LONGS.length)]), orNull(string()),
                    orNull(number()), orNull(number()), orNull(number()), orNull(number()));
        }

        private RootCauseAnalysis analysis() {
            List<WhyStep> whys = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                whys.add(new WhyStep(random.nextInt(), string(), string()));
            }
            return new RootCauseAnalysis(orNull(string()), orNull(string()), orNull(string()), whys, strings());
        }

        private List<TimelineEntry> timeline() {
            List<TimelineEntry> entries = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                entries.add(new TimelineEntry(time(), string(), orNull(string())));
            }
            return entries;
        }

        private List<ActionItem> actions(String incidentId) {
            List<ActionItem> actions = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                actions.add(new ActionItem(incidentId, string(), string(), pick(Priority.values()), orNull(string()),
                        date(), pick(ActionStatus.values()), orNull(date()), orNull(pick(Term.values())),
                        orNull(string()), random.nextBoolean(), random.nextInt()));
            }
            return actions;
        }

        private List<Lesson> lessons() {
            List<Lesson> lessons = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                lessons.add(new Lesson(pick(LessonKind.values()), string()));
            }
            return lessons;
        }

        private List<Link> links() {
            List<Link> links = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                links.add(new Link(string(), string()));
            }
            return links;
        }

        private ReportSource source() {
            List<Section> outline = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                outline.add(new Section(random.nextInt(7), string(), string(), orNull(pick(SectionRole.values())),
                        random.nextInt()));
            }
            String body = random.nextInt(4) == 0 ? "" : "# " + string() + "\n\n" + string().repeat(random.nextInt(50));
            return new ReportSource(string(), pick(ReportStyle.values()), body, random.nextInt(), outline);
        }

        /** Front-matter data as the loader makes it, nested up to {@code depth} and with a null here and there. */
        private Map<String, Object> extraMap(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                map.put(string() + i, value(depth));
            }
            return random.nextBoolean() ? map : Collections.unmodifiableMap(map);
        }

        private Object value(int depth) {
            return switch (random.nextInt(depth > 0 ? 7 : 5)) {
                case 0 -> null;
                case 1 -> string();
                case 2 -> LONGS[random.nextInt(LONGS.length)];
                case 3 -> number();
                case 4 -> random.nextBoolean();
                case 5 -> {
                    List<Object> list = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        list.add(value(depth - 1));
                    }
                    yield random.nextBoolean() ? list : Collections.unmodifiableList(list);
                }
                default -> extraMap(depth - 1);
            };
        }

        private List<String> strings() {
            String[] strings = new String[random.nextInt(4)];
            Arrays.setAll(strings, i -> string());
            return List.of(strings);
        }

        private String string() {
            return STRINGS[random.nextInt(STRINGS.length)];
        }

        private double number() {
            return DOUBLES[random.nextInt(DOUBLES.length)];
        }

        private OffsetDateTime time() {
            LocalDateTime local = LocalDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1_000_000_000));
            return OffsetDateTime.of(local, pick(OFFSETS));
        }

        private LocalDate date() {
            return random.nextInt(10) == 0 ? pick(new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH})
                    : LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000);
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T orNull(T value) {
            return random.nextInt(3) == 0 ? null : value;
        }
    }
}
