package dev.hindsight.site;

import dev.hindsight.bench.TemporaryCorpus;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.model.Incident;
import dev.hindsight.site.page.BodyHtml;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Micro-benchmarks of rendering: a report body's Markdown to HTML, an incident page through its precompiled
 * template (into a stream that discards, so disks do not count), and the incidents index of 256 reports.
 * In the generator's package to reach the renderer and the templates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
    private TemporaryCorpus corpus;
    private KnowledgeBase kb;
    private PageModels models;
    private Templates templates;
    private Messages messages;
    private BodyRenderer bodies;
    private LinkTargets links;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        // Kept until tear-down: links to attachments are resolved against the corpus while rendering.
        corpus = TemporaryCorpus.generate(256, 11);
        LoadResult loaded = corpus.load();
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        kb = new KnowledgeBase(loaded.incidents(), asOf);
        messages = new Messages(Locale.ENGLISH);
        templates = Templates.builtIn();
        models = new PageModels(kb, SiteSettings.defaults(asOf, ZoneOffset.UTC), messages, new Assets(), List.of(),
                // The benchmark renders incident pages and the incidents page, which share no rows.
                SharedIncidentRows.unshared(templates), new SharedIncidentRows(templates, 0));
        bodies = new BodyRenderer(false);
        Map<String, String> ids = new LinkedHashMap<>();
        kb.incidents().forEach(i -> ids.put(i.source().path(), i.id()));
        links = new LinkTargets(corpus.root(), ids);
    }

    @TearDown(Level.Trial)
    public void close() {
        templates.close();
        corpus.close();
    }

    private Incident incident() {
        return kb.incidents().get(next++ & 255);
    }

    @Benchmark
    public String renderMarkdownBody() {
        Incident incident = incident();
        return bodies.render(incident, links, new Diagnostics(incident.source().path()));
    }

    @Benchmark
    public void renderIncidentPage() throws IOException {
        Incident incident = incident();
        BodyHtml body = BodyHtml.of(bodies.render(incident, links, new Diagnostics(incident.source().path())));
        templates.render("incident.jte", models.incident(incident, body, links, List.of()), messages,
                OutputStream.nullOutputStream());
    }

    @Benchmark
    public void renderIncidentsIndex() throws IOException {
        templates.render("incidents.jte", models.incidents(List.of()), messages, OutputStream.nullOutputStream());
    }
}
