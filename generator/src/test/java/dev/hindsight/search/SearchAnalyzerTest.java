package dev.hindsight.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis as its class comment states it, step by step: NFKC over the whole text, the tokenizer's rules, each
 * token lower-cased a code point at a time, stop words dropped with their positions kept. Terms, position increments
 * (a phrase query reads them) and offsets (the CLI's snippets do) must all agree, on random text full of stop words,
 * capitals, full-width letters and Han.
 */
class SearchAnalyzerTest {
    private static final SearchAnalyzer ANALYZER = new SearchAnalyzer();

    @Test
    void analysesLikeTheStepsOnHandPickedText() throws IOException {
        assertThat(analysed("The Redis pool IS full; Ｒｅｄｉｓ at 故障复盘 the")).containsExactly(
                "redis+2@4-9", "pool+1@10-14", "full+2@18-22", "redis+1@24-29", "故障+2@33-35", "障复+1@34-36",
                "复盘+1@35-37", "end+1@41");
        assertThat(analysed("")).containsExactly("end+0@0");
        // Longer than the tokenizer's first buffer, and longer still once folded ("ﬁ" is "fi", "㎏" is "kg").
        String longText = "ﬁle ㎏ Ｔｈｅ 故障 ".repeat(300);
        assertThat(analysed(longText)).isEqualTo(steps(longText));
    }

    @Test
    void analysesLikeTheStepsOnRandomText() throws IOException {
        Random random = new Random(11);
        String[] pieces = {"the", "The", "THE", "a", "A", "an", "and", "into", "their", "there", "such", "is", "it",
                "them", "thee", "an", "tHeIr", "Redis", "pool", "Ｔｈｅ", "ｔｈｅ", "Ǆ", "İstanbul", "ß", "Σίσυφος", "故障",
                "复盘报告", "中", "ﬁle", "①", "x²", "𝐀𝐁", "\uD801\uDC00", " ", " ", " ", "-", ".", "\n", "42", "ǅ"};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    text.append(' ');
                }
            }
            assertThat(analysed(text.toString())).as("analysis of %s", text).isEqualTo(steps(text.toString()));
        }
    }

    /** "term+increment@start-end" per token, then "end+increment@offset" after the stream's end. */
    private static List<String> analysed(String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "+" + position.getPositionIncrement() + "@" + offset.startOffset() + "-"
                        + offset.endOffset());
            }
            stream.end();
            tokens.add("end+" + position.getPositionIncrement() + "@" + offset.endOffset());
        }
        return tokens;
    }

    private static List<String> steps(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<String> tokens = new ArrayList<>();
        int skipped = 0;
        for (String token : SearchTokenizerTest.plainRules(normalized)) {
            int at = token.lastIndexOf('@');
            String term = token.substring(0, at);
            int start = Integer.parseInt(token.substring(at + 1));
            StringBuilder lower = new StringBuilder();
            term.codePoints().forEach(c -> lower.appendCodePoint(Character.toLowerCase(c)));
            if (SearchAnalyzer.STOP_WORDS.contains(lower.toString())) {
                skipped++;
                continue;
            }
            tokens.add(lower + "+" + (1 + skipped) + "@" + start + "-" + (start + term.length()));
            skipped = 0;
        }
        tokens.add("end+" + skipped + "@" + normalized.length());
        return tokens;
    }
}
