package dev.hindsight.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Queries the incident index. Plain words are the common case: every analysed word is looked up in
 * every field with the field's weight, and scores add up (the browser engine computes exactly this).
 * Lucene query syntax ({@code severity:P1 AND oom}, quotes, wildcards) is there for the adventurous.
 */
public final class IncidentSearch implements Closeable {
    private static final Pattern SYNTAX = Pattern.compile("[:\"*?()\\[\\]{}^~]|\\b(AND|OR|NOT)\\b|(^|\\s)[+-]\\S");

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = new SearchAnalyzer();

    public IncidentSearch(Directory directory) {
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
        this.searcher = new IndexSearcher(reader);
    }

    /** Opens the index of a built site ({@code DIR/search/index}) or an index directory itself. */
    public static IncidentSearch open(Path siteOrIndex) throws IOException {
        Path index = Files.isDirectory(siteOrIndex.resolve(IncidentIndex.SITE_DIRECTORY))
                ? siteOrIndex.resolve(IncidentIndex.SITE_DIRECTORY) : siteOrIndex;
        if (!Files.isDirectory(index) || !DirectoryReader.indexExists(FSDirectory.open(index))) {
            throw new IOException("no search index in " + siteOrIndex + " (build the site first)");
        }
        return new IncidentSearch(FSDirectory.open(index));
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    /** A query the user typed that Lucene cannot parse. */
    public static final class BadQueryException extends Exception {
        BadQueryException(String message) {
            super(message);
        }
    }

    public List<SearchHit> search(String text, int limit) throws BadQueryException {
        Query query = SYNTAX.matcher(text).find() ? parsed(text) : plainQuery(text);
        try {
            TopDocs top = searcher.search(query, limit);
            List<String> terms = analyse(text);
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = searcher.storedFields().document(scoreDoc.doc);
                String summary = doc.get(SearchField.SUMMARY.fieldName());
                hits.add(new SearchHit(doc.get(IndexedIncident.ID), doc.get(SearchField.TITLE.fieldName()),
                        scoreDoc.score, doc.get(IndexedIncident.SEVERITY).toUpperCase(java.util.Locale.ROOT),
                        doc.get(IndexedIncident.STARTED), snippet(summary == null || summary.isEmpty()
                        ? doc.get(SearchField.TITLE.fieldName()) : summary, terms), scoreDoc.doc));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plain-words query: for each analysed token, for each field, a term query weighted by the
     * field's boost; all optional, so scores add up. Repeated words count again, as in the browser.
     */
    public Query plainQuery(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String token : analyse(text)) {
            for (SearchField field : SearchField.values()) {
                query.add(new BoostQuery(new TermQuery(new Term(field.fieldName(), token)), field.boost()),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    private Query parsed(String text) throws BadQueryException {
        Map<String, Float> boosts = new HashMap<>();
        List<String> fields = new ArrayList<>();
        for (SearchField field : SearchField.values()) {
            fields.add(field.fieldName());
            boosts.put(field.fieldName(), field.boost());
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields.toArray(String[]::new), analyzer, boosts);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            throw new BadQueryException("cannot read the query '" + text + "': " + e.getMessage().lines().findFirst()
                    .orElse("") + " (plain words need no syntax; fields are id, severity, year, "
                    + String.join(", ", fields) + ")");
        }
    }

    /** The tokens a text analyses to, in order. */
    public List<String> analyse(String text) {
        return SearchAnalyzer.terms(analyzer, SearchField.BODY.fieldName(), text);
    }

    /**
     * The text with the matched tokens between « and », cut around the first match. The text is shown
     * NFKC-normalised, because the analyser's offsets are offsets into that form ("ﬁ" is two letters).
     */
    String snippet(String original, List<String> terms) {
        if (original == null) {
            return null;
        }
        String text = java.text.Normalizer.normalize(original, java.text.Normalizer.Form.NFKC);
        Set<String> wanted = new HashSet<>(terms);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int first = -1;
        try (TokenStream stream = analyzer.tokenStream(SearchField.SUMMARY.fieldName(), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (!wanted.contains(term.toString()) || end > text.length()) {
                    continue;
                }
                if (start >= last) {
                    out.append(text, last, start).append('«').append(text, start, end).append('»');
                    first = first < 0 ? start : first;
                } else if (end > last) {
                    // Overlapping Chinese bigrams: widen the mark just written instead of opening another.
                    out.setLength(out.length() - 1);
                    out.append(text, last, end).append('»');
                } else {
                    continue;
                }
                last = end;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append(text.substring(Math.min(last, text.length())));
        String marked = out.toString();
        int from = first <= 60 ? 0 : marked.indexOf(' ', Math.max(0, first - 60));
        String cut = marked.substring(Math.max(0, from));
        return (from > 0 ? "…" : "") + (cut.length() > 240 ? cut.substring(0, 240) + "…" : cut);
    }

    public int documents() {
        return reader.numDocs();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
