package dev.hindsight.load;

import dev.hindsight.bench.TemporaryCorpus;
import dev.hindsight.diagnostic.Diagnostics;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Micro-benchmarks of loading one report: the whole parse (front matter, Markdown, every section reader)
 * and the Markdown parse alone, over 64 generated reports of both forms and languages. In the generator's
 * package to reach its package-private parser. Run: see README, Benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    private List<String> reports;
    private List<FrontMatterSplitter.Parts> parts;
    private ReportParser parser;
    private int next;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        try (TemporaryCorpus corpus = TemporaryCorpus.generate(64, 7);
             Stream<Path> files = Files.walk(corpus.root())) {
            reports = files.filter(f -> f.toString().endsWith(".md")).sorted().map(ParseBenchmark::read).toList();
        }
        parts = reports.stream().map(t -> FrontMatterSplitter.split(t, new Diagnostics("r.md")).orElseThrow()).toList();
        parser = new ReportParser(new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Benchmark
    public Object parseWholeReport() {
        String text = reports.get(next++ & 63);
        return parser.parseText(text, new Diagnostics("r.md"), false);
    }

    @Benchmark
    public Object parseMarkdownBody() throws MarkdownBody.TooDeeplyNested {
        FrontMatterSplitter.Parts p = parts.get(next++ & 63);
        return MarkdownBody.parse(p.body(), p.bodyLine());
    }
}
