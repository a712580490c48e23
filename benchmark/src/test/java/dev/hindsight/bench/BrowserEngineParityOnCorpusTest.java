package dev.hindsight.bench;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.site.SiteSettings;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The browser engine ranks like Lucene on a generated site of 1,000 reports, where postings are long and
 * scores close: for each query, run in Node on the site's exported data, its top ten are IndexSearcher's top
 * ten for {@link IncidentSearch#plainQuery} (same documents in the same order, but for documents Lucene
 * scores equally), with the same scores and the same number of matches.
 */
class BrowserEngineParityOnCorpusTest {
    private static final int REPORTS = 1000;
    private static final int TOP = 10;
    /**
     * From {@link CorpusGenerator}'s vocabulary: English words and two-word phrases, Chinese words of two to
     * four characters, mixed queries, ids of generated reports, and misses.
     */
    static final List<String> QUERIES = List.of(
            "timeout", "certificate", "kafka", "rollback", "latency", "retry", "cache", "alice",
            "connection pool", "disk full", "config change", "retry storm", "load balancer", "circuit breaker",
            "schema migration", "rate limits",
            "证书", "磁盘", "限流", "回滚", "连接池", "内存溢出", "证书过期", "重试风暴", "缓存集群", "数据库", "张三",
            "redis-cache 超时", "Kafka 消费者组", "payment-service 证书过期", "JVM 堆内存",
            "INC-2019-01-05-002", "INC-2022-07-13-001", "P1",
            "zzzzqqq", "量子纠缠", "the and of");
    static final List<String> MISSES = List.of("zzzzqqq", "量子纠缠", "the and of");

    @TempDir
    static Path temp;

    private static IncidentSearch lucene;
    private static List<NodeSearchEngine.Ranking> browser;

    @BeforeAll
    static void buildTheSiteAndRankInNode() throws IOException {
        Path corpus = temp.resolve("corpus");
        Path site = temp.resolve("site");
        CorpusGenerator.generate(REPORTS, 42, corpus);
        BuildResult result = SiteGeneration.run(new BuildRequest(corpus, site,
                new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES),
                SiteSettings.defaults(LocalDate.of(2026, 11, 25), ZoneOffset.UTC)));
        assertThat(result.site().written()).as("site written: %s", result.diagnostics()).isTrue();
        lucene = IncidentSearch.open(site);
        browser = NodeSearchEngine.rank(site, QUERIES, TOP);
    }

    @AfterAll
    static void close() {
        if (lucene != null) {
            lucene.close();
        }
    }

    static Stream<String> queries() {
        return QUERIES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void theBrowsersTopTenIsLucenesWithTheSameScores(String text) throws IOException {
        IndexSearcher searcher = lucene.searcher();
        Query query = lucene.plainQuery(text);
        int matching = searcher.count(query);
        TopDocs all = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()));
        Map<Integer, Float> luceneScores = new HashMap<>();
        for (ScoreDoc hit : all.scoreDocs) {
            luceneScores.put(hit.doc, hit.score);
        }
        NodeSearchEngine.Ranking ranking = browser.get(QUERIES.indexOf(text));

        assertThat(ranking.total()).as("matching documents").isEqualTo(matching);
        assertThat(ranking.hits()).hasSize(Math.min(TOP, matching));
        for (int rank = 0; rank < ranking.hits().size(); rank++) {
            NodeSearchEngine.Hit hit = ranking.hits().get(rank);
            assertThat(luceneScores).as("rank %d: document %d matches in Lucene", rank, hit.doc())
                    .containsKey(hit.doc());
            float lucenes = luceneScores.get(hit.doc());
            // The same document as Lucene's at this rank, or one Lucene scores the same (a tie).
            assertThat(lucenes).as("rank %d: document %d (Lucene has %d)", rank, hit.doc(),
                    all.scoreDocs[rank].doc).isCloseTo(all.scoreDocs[rank].score,
                    within(1e-6f * all.scoreDocs[rank].score));
            assertThat(hit.score()).as("rank %d: score of document %d", rank, hit.doc())
                    .isCloseTo(lucenes, within(1e-4f * lucenes));
        }
    }

    @Test
    void theQueriesCoverHitsAndMisses() {
        assertThat(QUERIES).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(IntStream.range(0, QUERIES.size()).filter(i -> browser.get(i).total() > 0).count())
                .isGreaterThanOrEqualTo(30);
        for (String miss : MISSES) {
            assertThat(browser.get(QUERIES.indexOf(miss)).total()).as(miss).isZero();
        }
    }
}
