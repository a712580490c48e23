package dev.hindsight.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.search.SearchHit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code /api/search?q=…&limit=…}: the Lucene index of the last build, answering as JSON. The search page uses
 * it when served here (it ranks as the static engine does, without loading shards); plain words and Lucene
 * syntax both work, as in {@code hindsight search}.
 */
final class SearchApi {
    static final int MAX_QUERY_LENGTH = 1000;
    static final int MAX_LIMIT = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, byte[] json) {
    }

    private SearchApi() {
    }

    static Answer answer(Path site, String rawQuery) {
        String q = parameter(rawQuery, "q");
        String limitText = parameter(rawQuery, "limit");
        if (q == null || q.isBlank()) {
            return error(400, "give the words to look for as ?q=");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            return error(414, "the query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        int limit = 20;
        if (limitText != null) {
            try {
                limit = Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(limitText)));
            } catch (NumberFormatException e) {
                return error(400, "limit must be a number");
            }
        }
        List<SearchHit> hits;
        try (IncidentSearch search = IncidentSearch.open(site)) {
            hits = search.search(q, limit);
        } catch (IncidentSearch.BadQueryException e) {
            return error(400, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return error(503, "the search index is not available: " + e.getMessage());
        }
        return new Answer(200, json(g -> {
            g.writeStringField("query", q);
            g.writeArrayFieldStart("hits");
            for (SearchHit hit : hits) {
                g.writeStartObject();
                g.writeNumberField("doc", hit.doc());
                g.writeStringField("id", hit.id());
                g.writeStringField("title", hit.title());
                g.writeStringField("severity", hit.severity());
                g.writeStringField("started", hit.started());
                g.writeNumberField("score", hit.score());
                if (hit.snippet() != null) {
                    g.writeStringField("snippet", hit.snippet());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }));
    }

    private static Answer error(int status, String message) {
        return new Answer(status, json(g -> g.writeStringField("error", message)));
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One query-string parameter, decoded; {@code null} when absent. */
    static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
