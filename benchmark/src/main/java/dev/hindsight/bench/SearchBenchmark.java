package dev.hindsight.bench;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.search.IncidentIndex;
import dev.hindsight.search.IncidentSearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The search benchmark: index build time (median of 3 builds after loading), index size, and warm
 * query latency (p50/p99 over 20 queries × 100 rounds, after a warm-up) of plain-word queries in
 * English and Chinese.
 *
 * <pre>java -cp benchmark/target/hindsight-benchmark.jar dev.hindsight.bench.SearchBenchmark [--count 10000]</pre>
 */
public final class SearchBenchmark {
    /** Two-word English queries and Chinese words of 2–4 characters, from the corpus generator's vocabulary. */
    static final List<String> QUERIES = List.of("connection pool", "memory leak", "certificate expired",
            "disk full", "config change", "rollback deployment", "dns resolution", "kafka consumer",
            "redis timeout", "alert threshold", "连接池", "内存", "证书过期", "磁盘", "配置变更", "回滚", "告警阈值",
            "数据库", "超时", "灰度发布");
    private static final int ROUNDS = 100;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = 10_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--count")) {
                count = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (options: --count N)");
            }
        }
        Path corpus = Path.of("target", "corpus-" + count);
        if (!Files.isDirectory(corpus)) {
            CorpusGenerator.generate(count, 42, corpus);
        }
        LoadResult load = new ReportLoader(new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES))
                .load(corpus);
        KnowledgeBase kb = new KnowledgeBase(load.incidents(), LocalDate.of(2026, 11, 25));
        List<Double> buildSeconds = new ArrayList<>();
        IncidentIndex index = null;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            index = IncidentIndex.build(kb);
            buildSeconds.add((System.nanoTime() - start) / 1e9);
        }
        long size = index.files().values().stream().mapToLong(b -> b.length).sum();
        try (IncidentSearch search = new IncidentSearch(index.directory())) {
            for (int warm = 0; warm < 20; warm++) {
                for (String q : QUERIES) {
                    search.search(q, 10);
                }
            }
            double[] millis = new double[QUERIES.size() * ROUNDS];
            int n = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (String q : QUERIES) {
                    long start = System.nanoTime();
                    search.search(q, 10);
                    millis[n++] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            Collections.sort(buildSeconds);
            System.out.printf(Locale.ROOT, "%d incidents: index build %.2f s (median of 3), index size %.1f MiB, "
                            + "warm query latency p50 %.2f ms, p99 %.2f ms (%d queries, top 10 with snippets)%n",
                    kb.incidents().size(), buildSeconds.get(1), size / 1048576.0, millis[millis.length / 2],
                    millis[(int) Math.ceil(millis.length * 0.99) - 1], millis.length);
        } catch (IncidentSearch.BadQueryException e) {
            throw new IllegalStateException(e);
        }
    }
}
