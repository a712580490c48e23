package dev.hindsight.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one analysis of index and queries, in Lucene and in the browser: NFKC (full-width letters and
 * digits fold to ASCII), {@link SearchTokenizer}, lower case, English stop words removed. No
 * stemming: post-mortems are full of identifiers, versions and service names that a stemmer mangles
 * ("pooling" is not "pool" when it names a setting), and an exact rule is what the browser can repeat.
 */
public final class SearchAnalyzer extends Analyzer {
    /** Lucene's classic English stop set; the browser engine carries the same list. */
    public static final List<String> STOP_WORDS = List.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their",
            "then", "there", "these", "they", "this", "to", "was", "will", "with");
    private static final CharArraySet STOP_SET = CharArraySet.unmodifiableSet(new CharArraySet(STOP_WORDS, false));

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        SearchTokenizer tokenizer = new SearchTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new StopFilter(stream, STOP_SET);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new NfkcReader(reader);
    }

    /** Reads everything and hands it back NFKC-normalised (reports are small; offsets are not needed). */
    /** The terms {@code analyzer} makes of {@code text} in {@code field}, in order, repeats included. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string does no I/O
        }
        return terms;
    }

    private static final class NfkcReader extends Reader {
        private final Reader source;
        private java.io.StringReader normalised;

        NfkcReader(Reader source) {
            this.source = source;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
            if (normalised == null) {
                StringBuilder all = new StringBuilder();
                char[] chunk = new char[8192];
                for (int n = source.read(chunk); n >= 0; n = source.read(chunk)) {
                    all.append(chunk, 0, n);
                }
                normalised = new java.io.StringReader(Normalizer.normalize(all, Normalizer.Form.NFKC));
            }
            return normalised.read(buffer, offset, length);
        }

        @Override
        public void close() throws java.io.IOException {
            source.close();
        }
    }
}
