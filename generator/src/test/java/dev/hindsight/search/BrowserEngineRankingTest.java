package dev.hindsight.search;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The browser engine ranks like Lucene: for each query, run in Node on the sample site's exported data,
 * its top ten are IndexSearcher's top ten for {@link IncidentSearch#plainQuery} (same documents in the same
 * order, but for documents Lucene scores equally), with the same scores and the same number of matches.
 */
class BrowserEngineRankingTest {
    private static final int TOP = 10;
    /** English words, two words, Chinese words of two to four characters, mixed, ids, repeats, misses. */
    static final List<String> QUERIES = List.of(
            "connection", "pool", "certificate", "kafka", "redis", "disk", "timeout", "latency", "checkout",
            "idempotency", "OOM", "dns", "webhook",
            "connection pool", "disk full", "search index", "certificate expired", "rate limit", "node pool",
            "orders-postgres refund",
            "连接", "证书", "缓存雪崩", "限流", "磁盘", "超时", "对账", "令牌", "签名密钥", "边缘节点", "灰度",
            "redis 缓存", "kafka 磁盘写满", "CoreDNS 限流", "orders-postgres 连接",
            "INC-2025-10-05-001", "2026", "P1",
            "ＫＡＦＫＡ", "Redis REDIS redis", "pool pool",
            "zzzzqqq", "量子纠缠", "the and of");
    static final List<String> MISSES = List.of("zzzzqqq", "量子纠缠", "the and of");

    @TempDir
    static Path temp;

    private static IncidentSearch lucene;
    private static NodeEngine.Output browser;

    @BeforeAll
    static void buildTheSampleSiteAndRankInNode() throws IOException {
        Path site = SampleSearchSite.build(temp.resolve("site"));
        lucene = IncidentSearch.open(site);
        browser = NodeEngine.run(site, List.of(), QUERIES, TOP);
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
        NodeEngine.Ranking ranking = browser.rankings().get(QUERIES.indexOf(text));

        assertThat(ranking.total()).as("matching documents").isEqualTo(matching);
        assertThat(ranking.hits()).hasSize(Math.min(TOP, matching));
        for (int rank = 0; rank < ranking.hits().size(); rank++) {
            NodeEngine.Hit hit = ranking.hits().get(rank);
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
        List<NodeEngine.Ranking> rankings = browser.rankings();
        assertThat(QUERIES).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(IntStream.range(0, QUERIES.size()).filter(i -> rankings.get(i).total() > 0).count())
                .isGreaterThanOrEqualTo(30);
        for (String miss : MISSES) {
            assertThat(rankings.get(QUERIES.indexOf(miss)).total()).as(miss).isZero();
        }
    }

    @Test
    void chineseWordsFindTheReportsThatContainThem() {
        // 缓存雪崩 is in the title of the catalog cache report; bigrams find it without a dictionary.
        NodeEngine.Ranking avalanche = browser.rankings().get(QUERIES.indexOf("缓存雪崩"));
        assertThat(avalanche.hits()).isNotEmpty();
        assertThat(lucene.searcher().getIndexReader().maxDoc()).isGreaterThan(avalanche.hits().get(0).doc());
    }
}
