package dev.hindsight.search;

import dev.hindsight.bench.TemporaryCorpus;
import dev.hindsight.kb.KnowledgeBase;
import org.apache.lucene.store.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * Micro-benchmarks of the search stage on 1,000 generated reports: building the Lucene index, and exporting
 * it as the browser's static shards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShardExportBenchmark {
    private KnowledgeBase kb;
    private Directory index;

    @Setup(Level.Trial)
    public void load() throws IOException {
        try (TemporaryCorpus corpus = TemporaryCorpus.generate(1000, 13)) {
            kb = new KnowledgeBase(corpus.load().incidents(), LocalDate.of(2026, 11, 25));
        }
        index = IncidentIndex.build(kb).directory();
    }

    @Benchmark
    public Object buildIndex() {
        return IncidentIndex.build(kb).directory();
    }

    @Benchmark
    public Object exportShards() {
        return StaticSearchExport.files(index, kb, incident -> "incidents/" + incident.id() + "/index.html");
    }
}
