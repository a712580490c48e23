package dev.hindsight.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built site's browser search engine, run in Node by {@code search/engine-harness.mjs} on the site's own
 * data files: what it analyses a text into, how it ranks a query, its table of field lengths.
 */
final class NodeEngine {
    private static final String INSTALL_HINT = "The static-search tests run the browser engine in Node: install"
            + " Node.js so that 'node' is on the PATH (apt-get install -y nodejs); CI has it";

    private NodeEngine() {
    }

    record Hit(int doc, float score) {
    }

    /** A query's matching documents: how many, and the first ones, best first. */
    record Ranking(int total, List<Hit> hits) {
    }

    record Output(List<List<String>> analysed, List<Ranking> rankings, float[] lengths) {
    }

    static Output run(Path site, List<String> analyse, List<String> queries, int limit) {
        Path harness;
        try {
            harness = Path.of(NodeEngine.class.getResource("/search/engine-harness.mjs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder request = new StringBuilder("{\"analyse\":");
        array(request, analyse).append(",\"queries\":");
        array(request, queries).append(",\"limit\":").append(limit).append(",\"lengths\":true}");
        try {
            Path errors = Files.createTempFile("engine-harness", ".log");
            Process node;
            try {
                node = new ProcessBuilder("node", harness.toString(), site.toString())
                        .redirectError(errors.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError(INSTALL_HINT + " (" + e.getMessage() + ")", e);
            }
            try (OutputStream in = node.getOutputStream()) {
                in.write(request.toString().getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("the engine harness did not finish within a minute");
            }
            String log = Files.readString(errors);
            Files.deleteIfExists(errors);
            if (node.exitValue() != 0) {
                throw new AssertionError("the engine harness failed (exit " + node.exitValue() + "):\n" + log);
            }
            return parse(out, analyse.size(), queries.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Output parse(String out, int texts, int queries) {
        List<List<String>> analysed = new ArrayList<>();
        List<Ranking> rankings = new ArrayList<>();
        float[] lengths = new float[256];
        for (String line : out.split("\n")) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "analysed" -> analysed.add(List.of(words).subList(2, words.length));
                case "query" -> {
                    List<Hit> hits = new ArrayList<>();
                    for (int i = 3; i < words.length; i++) {
                        String[] hit = words[i].split(":");
                        hits.add(new Hit(Integer.parseInt(hit[0]), (float) Double.parseDouble(hit[1])));
                    }
                    rankings.add(new Ranking(Integer.parseInt(words[2]), hits));
                }
                case "length" -> lengths[Integer.parseInt(words[1])] = (float) Double.parseDouble(words[2]);
                default -> {
                }
            }
        }
        if (analysed.size() != texts || rankings.size() != queries) {
            throw new AssertionError("the engine harness answered " + analysed.size() + " of " + texts
                    + " texts and " + rankings.size() + " of " + queries + " queries:\n" + out);
        }
        return new Output(analysed, rankings, lengths);
    }

    private static StringBuilder array(StringBuilder out, List<String> texts) {
        out.append('[');
        for (int i = 0; i < texts.size(); i++) {
            JsText.string(out.append(i > 0 ? "," : ""), texts.get(i));
        }
        return out.append(']');
    }
}
