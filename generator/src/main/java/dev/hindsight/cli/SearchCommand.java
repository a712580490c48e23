package dev.hindsight.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.export.ModelJson;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.search.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code search}: queries the Lucene index of a built site from the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the index of a built site: plain words, or Lucene query syntax.",
        footer = {"", "Examples:",
                "  hindsight search --index target/postmortems \"connection pool\"",
                "  hindsight search --index target/postmortems 连接池",
                "  hindsight search --index target/postmortems \"severity:P1 AND oom\" --format json",
                "", "Fields for query syntax: id, severity, year, title, root_cause, services, tags, summary,",
                "lessons, actions, body.",
                "Exit codes: 0 hits found, 1 no hits, 2 usage error (including a query that cannot be read)."})
final class SearchCommand implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "DIR",
            description = "The built site, or its search/index directory.")
    Path index;

    @Option(names = "--limit", paramLabel = "N", description = "How many hits. Default: ${DEFAULT-VALUE}.")
    int limit = 10;

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json, as in check and actions. "
            + "Default: text.")
    Format format = Format.text;

    /** The first spelling of the option, kept so existing scripts work; --format json is the consistent one. */
    @Option(names = "--json", hidden = true)
    boolean json;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to look for.")
    List<String> words;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String query = String.join(" ", words);
        List<SearchHit> hits;
        try (IncidentSearch search = IncidentSearch.open(index)) {
            hits = search.search(query, limit);
        } catch (IncidentSearch.BadQueryException e) {
            spec.commandLine().getErr().println("hindsight search: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("hindsight search: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json || format == Format.json) {
            try (ModelJson model = new ModelJson(out)) {
                JsonGenerator g = model.generator();
                g.writeStartObject();
                g.writeStringField("query", query);
                g.writeArrayFieldStart("hits");
                for (SearchHit hit : hits) {
                    g.writeStartObject();
                    g.writeStringField("id", hit.id());
                    g.writeStringField("title", hit.title());
                    g.writeNumberField("score", hit.score());
                    g.writeStringField("severity", hit.severity());
                    g.writeStringField("started", hit.started());
                    g.writeStringField("snippet", hit.snippet());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            out.println();
        } else {
            int rank = 1;
            for (SearchHit hit : hits) {
                out.println(String.format(Locale.ROOT, "%2d. %s  %s  %s  %.3f", rank++, hit.id(), hit.severity(),
                        hit.started().substring(0, Math.min(10, hit.started().length())), hit.score()));
                out.println("    " + hit.title());
                if (hit.snippet() != null) {
                    out.println("    " + hit.snippet());
                }
            }
            out.println(hits.isEmpty() ? "No incidents match '" + query + "'." : hits.size() + " hit(s).");
        }
        out.flush();
        return hits.isEmpty() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }
}
