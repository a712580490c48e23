package dev.hindsight.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A text already run through the analyser: its terms with their position increments, replayed to the index
 * as a token stream. Analysis is most of the cost of indexing and the index writer is one thread, so the
 * build analyses documents on every core first and only hands the writer finished tokens. Offsets are not
 * kept: the index stores positions, not offsets.
 */
final class AnalysedText {
    private final String[] terms;
    private final int[] increments;

    private AnalysedText(String[] terms, int[] increments) {
        this.terms = terms;
        this.increments = increments;
    }

    static AnalysedText of(Analyzer analyzer, String field, String text) {
        String[] terms = new String[16];
        int[] increments = new int[16];
        int n = 0;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (n == terms.length) {
                    terms = Arrays.copyOf(terms, n * 2);
                    increments = Arrays.copyOf(increments, n * 2);
                }
                terms[n] = term.toString();
                increments[n] = increment.getPositionIncrement();
                n++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string does no I/O
        }
        return new AnalysedText(Arrays.copyOf(terms, n), Arrays.copyOf(increments, n));
    }

    /** The terms in order (a term recurs as often as it occurs). */
    List<String> terms() {
        return Collections.unmodifiableList(Arrays.asList(terms));
    }

    /** The tokens again, as the analyser gave them. */
    TokenStream stream() {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private int next;

            @Override
            public boolean incrementToken() {
                if (next == terms.length) {
                    return false;
                }
                clearAttributes();
                term.setEmpty().append(terms[next]);
                increment.setPositionIncrement(increments[next]);
                next++;
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }
}
