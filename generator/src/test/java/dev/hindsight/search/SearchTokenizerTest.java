package dev.hindsight.search;

import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table-driven tokenizer against the rules written the plain way (a Unicode lookup per character, over the text
 * folded by NFKC), on hand-picked and on random text mixing ASCII, Latin, Han, other scripts, digits, emoji and lone surrogates.
 */
class SearchTokenizerTest {
    @Test
    void splitsWordsAndHanBigramsAsTheRulesSay() throws IOException {
        assertThat(tokens("Redis pool-size 2 故障复盘 a 中")).containsExactly(
                "redis@0", "pool@6", "size@11", "2@16", "故障@18", "障复@19", "复盘@20", "a@23", "中@25");
        assertThat(tokens("x".repeat(40) + " " + "y".repeat(41) + " z")).containsExactly("x".repeat(40) + "@0", "z@83");
        assertThat(tokens("")).isEmpty();
    }

    @Test
    void agreesWithThePlainRulesOnRandomText() throws IOException {
        Random random = new Random(7);
        int[][] ranges = {{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {' ', '/'}, {0xC0, 0x24F}, {0x4E00, 0x9FFF},
                {0x3000, 0x303F}, {0x0660, 0x0669}, {0x0400, 0x04FF}, {0x1F600, 0x1F64F}, {0x20000, 0x2A6DF},
                {0x10400, 0x1044F}, {0x0370, 0x03FF}, {0xA0, 0xBF},
                {0xD800, 0xDFFF}, {0xFF01, 0xFF5E}, {0x0E00, 0x0E7F}};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int size = random.nextInt(120);
            for (int i = 0; i < size; i++) {
                int[] range = ranges[random.nextInt(ranges.length)];
                int c = range[0] + random.nextInt(range[1] - range[0] + 1);
                int run = 1 + random.nextInt(random.nextInt(10) == 0 ? 50 : 4);
                for (int j = 0; j < run; j++) {
                    text.appendCodePoint(c);
                }
            }
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
            assertThat(tokens(text.toString())).as("tokens of %s", text)
                    .isEqualTo(plainRules(folded).stream().map(SearchTokenizerTest::lowerCased).toList());
        }
    }

    /** The tokens of one tokenizer used over and over, as the analyzer reuses it: "term@start". */
    private static final SearchTokenizer TOKENIZER = new SearchTokenizer();

    private static List<String> tokens(String text) throws IOException {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC); // what the offsets are of
        List<String> tokens = new ArrayList<>();
        TOKENIZER.setReader(new StringReader(text));
        CharTermAttribute term = TOKENIZER.getAttribute(CharTermAttribute.class);
        OffsetAttribute offset = TOKENIZER.getAttribute(OffsetAttribute.class);
        TOKENIZER.reset();
        while (TOKENIZER.incrementToken()) {
            assertThat(term.toString()).isEqualTo(lowerCased(folded.substring(offset.startOffset(), offset.endOffset())));
            tokens.add(term + "@" + offset.startOffset());
        }
        TOKENIZER.end();
        assertThat(offset.endOffset()).isEqualTo(folded.length());
        TOKENIZER.close();
        return tokens;
    }

    /** Lower case the way Lucene's LowerCaseFilter makes it: each code point by {@link Character#toLowerCase(int)}. */
    static String lowerCased(String text) {
        StringBuilder lower = new StringBuilder();
        text.codePoints().forEach(c -> lower.appendCodePoint(Character.toLowerCase(c)));
        return lower.toString();
    }

    /** The rules as the class comment states them, one Unicode lookup per character. */
    static List<String> plainRules(String text) {
        List<String> tokens = new ArrayList<>();
        int cursor = 0;
        while (cursor < text.length()) {
            int c = text.codePointAt(cursor);
            int start = cursor;
            if (SearchTokenizer.isHan(c)) {
                List<Integer> starts = new ArrayList<>();
                while (cursor < text.length() && SearchTokenizer.isHan(text.codePointAt(cursor))) {
                    starts.add(cursor);
                    cursor += Character.charCount(text.codePointAt(cursor));
                }
                starts.add(cursor);
                if (starts.size() == 2) {
                    tokens.add(text.substring(start, cursor) + "@" + start);
                }
                for (int i = 0; i + 2 < starts.size(); i++) {
                    tokens.add(text.substring(starts.get(i), starts.get(i + 2)) + "@" + starts.get(i));
                }
            } else if (SearchTokenizer.isWordChar(c)) {
                while (cursor < text.length() && SearchTokenizer.isWordChar(text.codePointAt(cursor))
                        && !SearchTokenizer.isHan(text.codePointAt(cursor))) {
                    cursor += Character.charCount(text.codePointAt(cursor));
                }
                if (text.codePointCount(start, cursor) <= SearchTokenizer.MAX_WORD_LENGTH) {
                    tokens.add(text.substring(start, cursor) + "@" + start);
                }
            } else {
                cursor += Character.charCount(c);
            }
        }
        return tokens;
    }
}
