package dev.hindsight.search;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Splits text the way the browser engine (site/search.js) does, so both index and query the same
 * terms: runs of letters and decimal digits are words; runs of Han characters become overlapping
 * bigrams (a lone character stays a unigram), so any contiguous Chinese substring of two or more
 * characters is found without a dictionary. Everything else separates. Rules simple enough to write
 * twice identically were chosen over Lucene's UAX#29 tokenizer for exactly that reason.
 */
final class SearchTokenizer extends Tokenizer {
    static final int MAX_WORD_LENGTH = 40;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<int[]> pending = new ArrayDeque<>();
    private String text;
    private int cursor;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (text == null) {
            text = readAll();
            cursor = 0;
        }
        while (pending.isEmpty()) {
            if (!scanRun()) {
                return false;
            }
        }
        int[] token = pending.poll();
        term.setEmpty().append(text, token[0], token[1]);
        offset.setOffset(correctOffset(token[0]), correctOffset(token[1]));
        position.setPositionIncrement(1);
        return true;
    }

    /** Finds the next run and queues its tokens; false at the end of the text. */
    private boolean scanRun() {
        while (cursor < text.length()) {
            int c = text.codePointAt(cursor);
            if (isHan(c)) {
                int start = cursor;
                java.util.List<Integer> starts = new java.util.ArrayList<>();
                while (cursor < text.length() && isHan(text.codePointAt(cursor))) {
                    starts.add(cursor);
                    cursor += Character.charCount(text.codePointAt(cursor));
                }
                starts.add(cursor);
                if (starts.size() == 2) {
                    pending.add(new int[] {start, cursor});
                } else {
                    for (int i = 0; i + 2 < starts.size(); i++) {
                        pending.add(new int[] {starts.get(i), starts.get(i + 2)});
                    }
                }
                return true;
            }
            if (isWordChar(c)) {
                int start = cursor;
                while (cursor < text.length() && isWordChar(text.codePointAt(cursor))
                        && !isHan(text.codePointAt(cursor))) {
                    cursor += Character.charCount(text.codePointAt(cursor));
                }
                if (text.codePointCount(start, cursor) <= MAX_WORD_LENGTH) {
                    pending.add(new int[] {start, cursor});
                }
                return true;
            }
            cursor += Character.charCount(c);
        }
        return false;
    }

    static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Letters of any script and decimal digits: JavaScript's [\p{L}\p{Nd}]. */
    static boolean isWordChar(int c) {
        return Character.isLetter(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    private String readAll() throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text = null;
        pending.clear();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int length = text == null ? 0 : text.length();
        offset.setOffset(correctOffset(length), correctOffset(length));
    }
}
