package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportCache;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.ReportSource;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.RootCauseAnalysis;
import dev.hindsight.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Related incidents brought up to date after edits give exactly what computing them afresh gives, and small
 * edits recompute few incidents. The incidents are generated model records: the property needs hundreds of
 * incidents and hundreds of edits of single fields, which report files would only make slower to state;
 * the sample reports, edited on disk and reloaded through the parse cache, show the path the preview takes.
 */
class RelatedIncidentsUpdateTest {
    private static final int LIMIT = 5;
    private static final int INCIDENTS = 300;
    private static final int EDITS = 150;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final OffsetDateTime FIRST_START = OffsetDateTime.parse("2024-01-01T00:00+08:00");
    /** Drawn with a skew towards the front, so the first words are common and the last ones rare. */
    private static final List<String> WORDS = List.of("database", "connection", "pool", "timeout", "latency",
            "deploy", "config", "cache", "memory", "disk", "certificate", "expired", "queue", "backlog", "retry",
            "storm", "dns", "resolution", "failed", "leader", "election", "replica", "lag", "index", "rebuild",
            "throttling", "quota", "exceeded", "batch", "job", "nightly", "gateway", "route", "table", "corrupt",
            "kafka", "consumer", "rebalance", "oom", "killed", "collector", "scrape", "alert", "missing", "runbook",
            "rollback", "canary", "flag", "schema", "migration", "lock", "contention", "thread", "starvation",
            "连接池耗尽", "证书过期", "缓存击穿", "内存泄漏", "配置错误", "主从延迟", "磁盘写满", "网络抖动");
    /** The words of the loners: incidents with no services or tags that share a word with only a few others. */
    private static final List<String> RARE_WORDS = IntStream.range(0, 40).mapToObj(i -> "rare" + i).toList();
    private static final List<String> SERVICES = List.of("payments-api", "checkout", "auth-service", "search",
            "orders-db", "redis-cache", "image-resizer", "notifications", "ledger", "edge-proxy", "billing",
            "inventory");
    private static final List<String> TAGS = List.of("database", "network", "config-change", "capacity", "oom",
            "tls", "third-party", "dependency", "cache", "customer-facing", "data-loss", "deploy", "dns", "kafka",
            "security");

    /** An incident's fields that the edits change, and its position in time, which none of them changes. */
    private record Draft(int number, String title, String rootCause, List<String> services, List<String> tags,
                         String summary, String body) {
        Incident incident() {
            return new Incident(String.format(Locale.ROOT, "INC-%04d", number), title, Severity.P2,
                    ReportStatus.FINAL, new IncidentTimes(FIRST_START.plusHours(number), null, null, null), services,
                    tags, null, List.of(), summary, Impact.UNKNOWN,
                    new RootCauseAnalysis(rootCause, null, null, List.of(), List.of()), List.of(), List.of(),
                    List.of(), List.of(), Map.of(),
                    new ReportSource("INC-" + number + ".md", ReportStyle.FRONT_MATTER, body, 1, List.of()));
        }

        Draft withTitle(String title) {
            return new Draft(number, title, rootCause, services, tags, summary, body);
        }

        Draft withRootCause(String rootCause) {
            return new Draft(number, title, rootCause, services, tags, summary, body);
        }

        Draft withServices(List<String> services) {
            return new Draft(number, title, rootCause, services, tags, summary, body);
        }

        Draft withTags(List<String> tags) {
            return new Draft(number, title, rootCause, services, tags, summary, body);
        }

        Draft withSummary(String summary) {
            return new Draft(number, title, rootCause, services, tags, summary, body);
        }

        Draft withBody(String body) {
            return new Draft(number, title, rootCause, services, tags, summary, body);
        }
    }

    /**
     * The incidents being edited: an edit replaces the drafts it changes and only their incidents, so the
     * others stay the same instances, as the parse cache keeps them.
     */
    private static final class Corpus {
        private final SplittableRandom random;
        private final List<Draft> drafts = new ArrayList<>();
        private final List<Incident> incidents = new ArrayList<>();

        Corpus(long seed, int size) {
            random = new SplittableRandom(seed);
            for (int number = 0; number < size; number++) {
                // A loner often lists fewer than LIMIT: an edit elsewhere can add to its list.
                Draft draft = number % 20 == 0
                        ? new Draft(number, rareWord() + " " + rareWord(), rareWord(), List.of(), List.of(), null,
                                words(10, 20))
                        : new Draft(number, words(3, 6), words(6, 12), pick(SERVICES, 1, 3), pick(TAGS, 0, 3),
                                random.nextInt(10) == 0 ? null : words(8, 16), words(10, 20));
                drafts.add(draft);
                incidents.add(draft.incident());
            }
        }

        KnowledgeBase knowledgeBase() {
            return new KnowledgeBase(incidents, AS_OF);
        }

        void replace(int at, Draft draft) {
            drafts.set(at, draft);
            incidents.set(at, draft.incident());
        }

        int any() {
            return random.nextInt(drafts.size());
        }

        String word() {
            if (random.nextInt(200) == 0) {
                return rareWord();
            }
            double u = random.nextDouble();
            return WORDS.get((int) (WORDS.size() * u * u * u));
        }

        String rareWord() {
            return RARE_WORDS.get(random.nextInt(RARE_WORDS.size()));
        }

        String words(int fewest, int most) {
            return IntStream.range(0, random.nextInt(fewest, most + 1)).mapToObj(i -> word())
                    .collect(Collectors.joining(" "));
        }

        List<String> pick(List<String> names, int fewest, int most) {
            Set<String> picked = new LinkedHashSet<>();
            int count = random.nextInt(fewest, most + 1);
            while (picked.size() < count) {
                double u = random.nextDouble();
                picked.add(names.get((int) (names.size() * u * u)));
            }
            return List.copyOf(picked);
        }

        /** One random edit of the incident at {@code at}; says what it did. */
        String editOne(int at) {
            Draft draft = drafts.get(at);
            switch (random.nextInt(10)) {
                case 0 -> {
                    List<String> title = new ArrayList<>(List.of(draft.title().split(" ")));
                    title.set(random.nextInt(title.size()), word());
                    replace(at, draft.withTitle(String.join(" ", title)));
                    return "a title word";
                }
                case 1 -> {
                    replace(at, draft.withRootCause(words(6, 12)));
                    return "the root cause";
                }
                case 2 -> {
                    List<String> services = new ArrayList<>(draft.services());
                    if (services.size() > 1 && random.nextBoolean()) {
                        services.remove(random.nextInt(services.size()));
                    } else {
                        services.add(SERVICES.get(random.nextInt(SERVICES.size())));
                    }
                    replace(at, draft.withServices(services.stream().distinct().toList()));
                    return "the services";
                }
                case 3 -> {
                    replace(at, draft.withTags(pick(TAGS, 0, 3)));
                    return "the tags";
                }
                case 4 -> {
                    replace(at, draft.withSummary(random.nextInt(5) == 0 ? null : words(8, 16)));
                    return "the summary";
                }
                case 5 -> {
                    replace(at, draft.withBody(words(10, 20)));
                    return "the body";
                }
                case 6 -> {
                    replace(at, draft.withTitle(draft.title() + " unique" + random.nextInt(1_000_000)));
                    return "a word no other incident has";
                }
                case 8 -> {
                    List<String> other = List.of(drafts.get(any()).rootCause().split(" "));
                    replace(at, draft.withRootCause(draft.rootCause() + " " + other.get(random.nextInt(other.size()))));
                    return "a word of another incident's root cause";
                }
                case 7 -> {
                    // The reasons quote services as written: the same terms, another spelling.
                    replace(at, draft.withServices(draft.services().stream()
                            .map(s -> random.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s).toList()));
                    return "the case of the services";
                }
                default -> {
                    List<String> title = new ArrayList<>(List.of(draft.title().split(" ")));
                    Collections.shuffle(title, new Random(random.nextLong()));
                    replace(at, draft.withTitle(String.join(" ", title)));
                    return "the order of the title's words";
                }
            }
        }

        /** A word put into, or taken out of, many summaries: its document frequency jumps across buckets. */
        String spreadOrWithdraw() {
            String word = word();
            if (random.nextBoolean()) {
                double share = random.nextDouble(0.2, 0.7);
                for (int at = 0; at < drafts.size(); at++) {
                    if (random.nextDouble() < share) {
                        Draft draft = drafts.get(at);
                        replace(at, draft.withSummary(draft.summary() == null ? word : draft.summary() + " " + word));
                    }
                }
                return "'" + word + "' added to " + share + " of the summaries";
            }
            for (int at = 0; at < drafts.size(); at++) {
                Draft draft = drafts.get(at);
                if (draft.summary() != null && draft.summary().contains(word)) {
                    replace(at, draft.withSummary(draft.summary().replace(word, "").strip()));
                }
            }
            return "'" + word + "' taken out of every summary";
        }

        /** One random change of the corpus: mostly single edits, sometimes several at once or a word spread. */
        String edit() {
            int kind = random.nextInt(10);
            if (kind < 6) {
                return editOne(any());
            }
            if (kind < 9) {
                return IntStream.range(0, random.nextInt(2, 7)).mapToObj(i -> editOne(any()))
                        .collect(Collectors.joining(", ", "several: ", ""));
            }
            return spreadOrWithdraw();
        }
    }

    @Test
    void everyUpdateAfterRandomEditsGivesWhatAFullComputationGives() {
        Corpus corpus = new Corpus(20_261_125, INCIDENTS);
        RelatedIncidents latest = RelatedIncidents.find(corpus.knowledgeBase(), LIMIT);
        RelatedIncidents older = latest;
        int recomputed = 0;
        for (int step = 0; step < EDITS; step++) {
            String edit = corpus.edit();
            KnowledgeBase kb = corpus.knowledgeBase();
            RelatedIncidents full = RelatedIncidents.find(kb, LIMIT);
            RelatedIncidents updated = latest.update(kb);
            assertThat(updated.byId()).as("step %d, %s", step, edit).isEqualTo(full.byId());
            // An update leaves the result it started from as it was: one from two edits back still works.
            assertThat(older.update(kb).byId()).as("step %d from two edits back", step).isEqualTo(full.byId());
            assertThat(updated.changedSince(latest)).as("step %d, %s", step, edit)
                    .isEqualTo(differing(latest.byId(), full.byId()));
            recomputed += updated.recomputed();
            older = latest;
            latest = updated;
        }
        assertThat(recomputed).as("incidents recomputed in all").isLessThan(EDITS * INCIDENTS / 5);
    }

    @Test
    void aBodyOnlyEditRecomputesNothing() {
        Corpus corpus = new Corpus(7, INCIDENTS);
        RelatedIncidents before = RelatedIncidents.find(corpus.knowledgeBase(), LIMIT);
        corpus.replace(42, corpus.drafts.get(42).withBody("Rewritten from scratch: the timeline was wrong."));
        RelatedIncidents after = before.update(corpus.knowledgeBase());
        assertThat(after.recomputed()).isZero();
        assertThat(after.byId()).isEqualTo(before.byId());
        assertThat(after.changedSince(before)).isEmpty();
    }

    @Test
    void aOneWordEditOfATitleRecomputesAFewIncidents() {
        Corpus corpus = new Corpus(7, INCIDENTS);
        RelatedIncidents before = RelatedIncidents.find(corpus.knowledgeBase(), LIMIT);
        Draft draft = corpus.drafts.get(42);
        corpus.replace(42, draft.withTitle(draft.title() + " rebalance"));
        KnowledgeBase kb = corpus.knowledgeBase();
        RelatedIncidents after = before.update(kb);
        assertThat(after.byId()).isEqualTo(RelatedIncidents.find(kb, LIMIT).byId());
        assertThat(after.recomputed()).isBetween(1, INCIDENTS / 10);
    }

    @Test
    void aListWithRoomTakesInAnOlderIncidentThatComesToShareATerm() {
        Corpus corpus = new Corpus(7, INCIDENTS);
        // Incident 100 shares one word with four others, so it lists four; a fifth, older than all of them
        // (it would lose every tie), comes to share it without moving the word's idf (5 -> 6 of 300: both 5).
        corpus.replace(100, new Draft(100, "zanzibar quokka", "ziggurat", List.of(), List.of(), null, "body"));
        for (int at : new int[] {10, 20, 30, 40}) {
            Draft draft = corpus.drafts.get(at);
            corpus.replace(at, draft.withRootCause(draft.rootCause() + " ziggurat"));
        }
        RelatedIncidents before = RelatedIncidents.find(corpus.knowledgeBase(), LIMIT);
        assertThat(before.byId().get("INC-0100")).extracting(RelatedIncident::id)
                .containsExactly("INC-0040", "INC-0030", "INC-0020", "INC-0010");
        Draft older = corpus.drafts.get(1);
        corpus.replace(1, older.withRootCause(older.rootCause() + " ziggurat"));
        KnowledgeBase kb = corpus.knowledgeBase();
        RelatedIncidents after = before.update(kb);
        assertThat(after.byId()).isEqualTo(RelatedIncidents.find(kb, LIMIT).byId());
        assertThat(after.byId().get("INC-0100")).extracting(RelatedIncident::id).endsWith("INC-0001");
    }

    @Test
    void anAddedIncidentMovesThePositionsAndRecomputesEveryIncident() {
        Corpus corpus = new Corpus(7, INCIDENTS);
        RelatedIncidents before = RelatedIncidents.find(corpus.knowledgeBase(), LIMIT);
        List<Incident> more = new ArrayList<>(corpus.incidents);
        more.add(new Draft(INCIDENTS, "database connection pool exhausted", "pool size", List.of("checkout"),
                List.of("database"), null, "").incident());
        KnowledgeBase kb = new KnowledgeBase(more, AS_OF);
        RelatedIncidents after = before.update(kb);
        assertThat(after.recomputed()).isEqualTo(INCIDENTS + 1);
        assertThat(after.byId()).isEqualTo(RelatedIncidents.find(kb, LIMIT).byId());
        assertThat(after.changedSince(before)).contains(String.format(Locale.ROOT, "INC-%04d", INCIDENTS));
    }

    @Test
    void aSampleReportEditedOnDiskAndReloadedThroughTheCacheUpdatesLikeAFullComputation(@TempDir Path source)
            throws IOException {
        Path samples = Path.of("../sample-site/src/postmortems");
        List<Path> reports;
        try (Stream<Path> files = Files.walk(samples)) {
            reports = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path report : reports) {
            Path copy = source.resolve(samples.relativize(report).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(report, copy);
        }
        ReportCache cache = new ReportCache();
        ReportLoader loader = new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"),
                LoadSettings.DEFAULT_MAX_REPORT_BYTES), cache);
        RelatedIncidents before = RelatedIncidents.find(knowledgeBase(loader.load(source)), LIMIT);
        // INC-2024-02-06-001 and INC-2025-08-19-001 are both about an exhausted connection pool; the first one
        // stops saying so.
        Path edited = source.resolve("2024/INC-2024-02-06-001.md");
        String text = Files.readString(edited, StandardCharsets.UTF_8);
        assertThat(text).containsIgnoringCase("pool");
        Files.writeString(edited, text.replaceAll("(?i)connection pool|pool", "thread"), StandardCharsets.UTF_8);
        KnowledgeBase kb = knowledgeBase(loader.load(source));
        assertThat(cache.lastLoad().parsed()).isEqualTo(1);
        RelatedIncidents after = before.update(kb);
        assertThat(after.byId()).isEqualTo(RelatedIncidents.find(kb, LIMIT).byId());
        assertThat(after.recomputed()).isLessThan(reports.size());
        assertThat(after.changedSince(before)).contains("INC-2024-02-06-001");
    }

    @Test
    void theIdfMovesOnlyWhenTheDocumentFrequencyCrossesAPowerOfTwo() {
        assertThat(IntStream.rangeClosed(0, 10).map(df -> RelatedIncidents.quantisedIdf(df, 1000)))
                .containsExactly(0, 0, 8, 8, 7, 7, 7, 7, 6, 6, 6);
        assertThat(RelatedIncidents.quantisedIdf(500, 1000)).as("in half the incidents").isEqualTo(1);
        assertThat(RelatedIncidents.quantisedIdf(501, 1000)).as("in more than half").isZero();
        assertThat(RelatedIncidents.quantisedIdf(2, 3)).as("in two of three").isZero();
    }

    private static KnowledgeBase knowledgeBase(LoadResult load) {
        assertThat(load.complete()).isTrue();
        return new KnowledgeBase(load.incidents(), AS_OF);
    }

    private static Set<String> differing(Map<String, List<RelatedIncident>> before,
                                         Map<String, List<RelatedIncident>> after) {
        return after.keySet().stream().filter(id -> !after.get(id).equals(before.get(id)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
