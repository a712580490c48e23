package dev.hindsight.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A built site's browser search engine, run in Node on the site's own data files by the generator's test
 * harness ({@code generator/src/test/resources/search/engine-harness.mjs}, read in place so that both
 * modules test the engine the same way).
 */
final class NodeSearchEngine {
    /** The harness, relative to this module's directory, where Maven runs the tests. */
    static final Path HARNESS = Path.of("../generator/src/test/resources/search/engine-harness.mjs");

    private NodeSearchEngine() {
    }

    record Hit(int doc, float score) {
    }

    /** A query's matching documents: how many, and the first ones, best first. */
    record Ranking(int total, List<Hit> hits) {
    }

    /** Ranks each query on the site with the browser engine; answers in the order of {@code queries}. */
    static List<Ranking> rank(Path site, List<String> queries, int limit) {
        StringBuilder request = new StringBuilder("{\"queries\":[");
        for (int i = 0; i < queries.size(); i++) {
            jsonString(request.append(i > 0 ? "," : ""), queries.get(i));
        }
        request.append("],\"limit\":").append(limit).append('}');
        try {
            Path errors = Files.createTempFile("engine-harness", ".log");
            Process node;
            try {
                node = new ProcessBuilder("node", HARNESS.toString(), site.toString())
                        .redirectError(errors.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("The parity test runs the browser engine in Node: install Node.js so"
                        + " that 'node' is on the PATH (apt-get install -y nodejs); CI has it (" + e.getMessage()
                        + ")", e);
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
            return parse(out, queries.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<Ranking> parse(String out, int queries) {
        List<Ranking> rankings = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] words = line.split(" ");
            if (words[0].equals("query")) {
                List<Hit> hits = new ArrayList<>();
                for (int i = 3; i < words.length; i++) {
                    String[] hit = words[i].split(":");
                    hits.add(new Hit(Integer.parseInt(hit[0]), (float) Double.parseDouble(hit[1])));
                }
                rankings.add(new Ranking(Integer.parseInt(words[2]), hits));
            }
        }
        if (rankings.size() != queries) {
            throw new AssertionError("the engine harness answered " + rankings.size() + " of " + queries
                    + " queries:\n" + out);
        }
        return rankings;
    }

    private static void jsonString(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
