package dev.hindsight.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one analysis of index and queries, in Lucene and in the browser: {@link SearchTokenizer} (which first
 * folds the text by NFKC: full-width letters and digits become ASCII, and lower-cases its tokens), English stop
 * words removed. No stemming: post-mortems are full of identifiers, versions and service names that a stemmer mangles
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
        return new TokenStreamComponents(tokenizer, new StopWords(tokenizer));
    }

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

    /**
     * Lucene's StopFilter for {@link #STOP_WORDS}, which looks up only the terms that could be one: a stop word is
     * short and starts with one of a few letters. Most terms (longer words, Han bigrams) were hashed for nothing,
     * on every token of every field (2% of a full build's CPU samples).
     */
    private static final class StopWords extends FilteringTokenFilter {
        private static final int LONGEST = STOP_WORDS.stream().mapToInt(String::length).max().orElse(0);
        /** Whether a stop word starts with this (ASCII) character: a table, as String.indexOf is a call under C1. */
        private static final boolean[] INITIALS = initials();
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        StopWords(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            int length = term.length();
            if (length > LONGEST || length == 0) {
                return true;
            }
            char first = term.buffer()[0];
            return first >= INITIALS.length || !INITIALS[first] || !STOP_SET.contains(term.buffer(), 0, length);
        }

        private static boolean[] initials() {
            boolean[] initials = new boolean[128];
            STOP_WORDS.forEach(word -> initials[word.charAt(0)] = true);
            return initials;
        }
    }
}
