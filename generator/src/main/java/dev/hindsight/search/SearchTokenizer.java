package dev.hindsight.search;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Folds text by NFKC and splits it the way the browser engine (site/search.js) does, so both index and query the
 * same terms: runs of letters and decimal digits are words; runs of Han characters become overlapping
 * bigrams (a lone character stays a unigram), so any contiguous Chinese substring of two or more
 * characters is found without a dictionary. Everything else separates. Tokens come out lower-cased. Rules simple
 * enough to write twice identically were chosen over Lucene's UAX#29 tokenizer for exactly that reason.
 *
 * <p>Every report's text goes through here several times (index, related incidents, search data), so
 * the characters of the Basic Multilingual Plane are classified once, in a table, rather than by
 * Unicode script lookups per character, and tokens are kept in int arrays rather than objects.
 */
final class SearchTokenizer extends Tokenizer {
    static final int MAX_WORD_LENGTH = 40;

    private static final byte SEPARATOR = 0;
    private static final byte WORD = 1;
    private static final byte HAN = 2;
    /** The kind of every BMP character; supplementary ones are looked up (they are rare). */
    private static final byte[] BMP_KINDS = bmpKinds();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private char[] text = new char[1024];
    private int length = -1;
    private int cursor;
    /** The tokens found but not yet handed out: start and end offsets, and where the next one is. */
    private int[] pendingStarts = new int[16];
    private int[] pendingEnds = new int[16];
    private int pendingCount;
    private int pendingNext;
    /** Where each character of the current Han run starts, and the run's end last. */
    private int[] hanStarts = new int[16];

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (length < 0) {
            readAll();
        }
        while (pendingNext == pendingCount) {
            if (!scanRun()) {
                return false;
            }
        }
        int start = pendingStarts[pendingNext];
        int end = pendingEnds[pendingNext++];
        lowerCased(start, end);
        offset.setOffset(correctOffset(start), correctOffset(end));
        position.setPositionIncrement(1);
        return true;
    }

    /**
     * Puts {@code text[start..end)} into the term, lower-cased code point by code point exactly as Lucene's
     * LowerCaseFilter would. Done here, ASCII without a lookup, because that filter's second pass over every token
     * of every field (a code point decoded, looked up and encoded again per character) was 2.3% of a full build's
     * CPU samples.
     */
    private void lowerCased(int start, int end) {
        int size = end - start;
        char[] chars = term.resizeBuffer(size);
        int i = 0;
        for (; i < size; i++) {
            char c = text[start + i];
            if (c >= 0x80) {
                break;
            }
            chars[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        while (i < size) {
            char c = text[start + i];
            if (!Character.isSurrogate(c)) {
                chars[i++] = Character.toLowerCase(c);
            } else {
                // Lower case stays in its plane (as LowerCaseFilter assumes): the term keeps its length.
                int codePoint = Character.toLowerCase(Character.codePointAt(text, start + i, end));
                i += Character.toChars(codePoint, chars, i);
            }
        }
        term.setLength(size);
    }

    /** Finds the next run and queues its tokens; false at the end of the text. */
    private boolean scanRun() {
        pendingCount = 0;
        pendingNext = 0;
        while (cursor < length) {
            int c = codePointAt(cursor);
            byte kind = kindOf(c);
            if (kind == HAN) {
                hanRun();
                return true;
            }
            if (kind == WORD) {
                int start = cursor;
                int codePoints = 0;
                while (cursor < length && kindOf(c = codePointAt(cursor)) == WORD) {
                    cursor += Character.charCount(c);
                    codePoints++;
                }
                if (codePoints <= MAX_WORD_LENGTH) {
                    queue(start, cursor);
                }
                return true;
            }
            cursor += Character.charCount(c);
        }
        return false;
    }

    /** Queues the bigrams of the Han run at the cursor, or its one character alone. */
    private void hanRun() {
        int count = 0;
        int c;
        while (cursor < length && kindOf(c = codePointAt(cursor)) == HAN) {
            hanStarts = grown(hanStarts, count + 1);
            hanStarts[count++] = cursor;
            cursor += Character.charCount(c);
        }
        hanStarts = grown(hanStarts, count + 1);
        hanStarts[count] = cursor;
        if (count == 1) {
            queue(hanStarts[0], cursor);
        } else {
            for (int i = 0; i + 2 <= count; i++) {
                queue(hanStarts[i], hanStarts[i + 2]);
            }
        }
    }

    /** The code point at {@code at}; the JDK's codePointAt is a call per character where C1 compiles the build. */
    private int codePointAt(int at) {
        char c = text[at];
        return Character.isHighSurrogate(c) ? Character.codePointAt(text, at, length) : c;
    }

    private void queue(int start, int end) {
        pendingStarts = grown(pendingStarts, pendingCount + 1);
        pendingEnds = grown(pendingEnds, pendingCount + 1);
        pendingStarts[pendingCount] = start;
        pendingEnds[pendingCount++] = end;
    }

    private static int[] grown(int[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, 2 * array.length));
    }

    private static byte kindOf(int c) {
        return c < BMP_KINDS.length ? BMP_KINDS[c] : kindByLookup(c);
    }

    private static byte[] bmpKinds() {
        byte[] kinds = new byte[Character.MIN_SUPPLEMENTARY_CODE_POINT];
        for (int c = 0; c < kinds.length; c++) {
            kinds[c] = kindByLookup(c);
        }
        return kinds;
    }

    private static byte kindByLookup(int c) {
        return isHan(c) ? HAN : isWordChar(c) ? WORD : SEPARATOR;
    }

    static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Letters of any script and decimal digits: JavaScript's [\p{L}\p{Nd}]. */
    static boolean isWordChar(int c) {
        return Character.isLetter(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /**
     * Reads the whole input into the reused buffer (the analyzer's reader hands over reports whole anyway) and folds
     * it by NFKC. Offsets are those of the folded text. Most text is folded already, which a quick check tells
     * without folding it.
     */
    private void readAll() throws IOException {
        length = 0;
        for (int n = input.read(text, 0, text.length); n >= 0; n = input.read(text, length, text.length - length)) {
            length += n;
            if (length == text.length) {
                text = Arrays.copyOf(text, 2 * text.length);
            }
        }
        if (belowNoBreakSpace()) {
            cursor = 0;
            return; // ASCII and control characters are their own NFKC form
        }
        String read = new String(text, 0, length); // what the JDK's Normalizer would make of a CharSequence anyway
        if (!Normalizer.isNormalized(read, Normalizer.Form.NFKC)) {
            String folded = Normalizer.normalize(read, Normalizer.Form.NFKC);
            if (folded.length() > text.length) {
                text = new char[folded.length() + 1];
            }
            length = folded.length();
            folded.getChars(0, length, text, 0);
        }
        cursor = 0;
    }

    /**
     * Whether every character read is below U+00A0 (the first that NFKC changes), so that the text needs no
     * folding: true of most English text, which the JDK's check would otherwise copy into a string and scan again.
     */
    private boolean belowNoBreakSpace() {
        for (int i = 0; i < length; i++) {
            if (text[i] >= 0xA0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = -1;
        pendingCount = 0;
        pendingNext = 0;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = Math.max(length, 0);
        offset.setOffset(correctOffset(end), correctOffset(end));
    }
}
