package dev.hindsight.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser engine's analysis is SearchAnalyzer's: the same tokens for text that tests the rules (full
 * width, mixed scripts, emoji, long words, digits, kana, stop words, case mappings that differ between
 * Java and JavaScript), and BM25's table of field lengths is Lucene's.
 */
class BrowserEngineAnalysisTest {
    static final String FORTY = "a".repeat(40);
    static final String FORTY_ONE = "b".repeat(41);
    static final List<String> TEXTS = List.of(
            "ＡＢＣ１２３ full-width ＨＴＴＰ／２ ｶﾀｶﾅ",
            "Hello, World! 你好世界",
            "連接池耗尽 connection pool 连接池",
            "东京タワー ひらがな カタカナ 한국어 текст ελληνικά العربية",
            "emoji 🔥 fire🔥water 👩‍💻 dev 🇨🇳 flag ✅done",
            FORTY + " " + FORTY_ONE + " " + "é".repeat(40) + " " + "字".repeat(45),
            "x²+y² ½ ① ⑩ ㎏ ﬁle Ⅻ ⅻ ㍻",
            "The quick brown fox is NOT such a stop-word fest; THE AND OF",
            "İstanbul ΟΔΟΣ Σ straße ǅemal Ǳ ǲ ǳ İI",
            "单 单a双 a单b 单1 1单",
            "々 〇 ⺀ 𠀀𠀁 𠀀 漢字𠀀",
            "mixed123abc ４５６ ٣٤٥ १२३ 10.5.3 v2.4.1-rc1 p99=250ms",
            "café naïve cafe\u0301 zero\u200bwidth soft\u00adhyphen",
            "INC-2025-10-05-001 ＩＮＣ－２０２５",
            "lone \ud800 surrogate \udc00 here",
            "tab\tnew\nline\r\nend",
            "");

    @TempDir
    static Path temp;

    private static NodeEngine.Output browser;

    @BeforeAll
    static void runTheEngineInNode() {
        browser = NodeEngine.run(SampleSearchSite.build(temp.resolve("site")), TEXTS, List.of(), 10);
    }

    static Stream<String> texts() {
        return TEXTS.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("texts")
    void theBrowserAnalysesTextLikeSearchAnalyzer(String text) {
        assertThat(browser.analysed().get(TEXTS.indexOf(text))).isEqualTo(lucene(text));
    }

    @Test
    void theTextsExerciseTheRules() {
        assertThat(lucene(TEXTS.get(5))).contains(FORTY).doesNotContain(FORTY_ONE);
        assertThat(lucene(TEXTS.get(2))).contains("连接", "接池", "connection");
        assertThat(lucene(TEXTS.get(7))).doesNotContain("the", "and", "of", "is", "such").contains("quick");
        assertThat(lucene(TEXTS.get(9))).contains("单", "双", "b", "1").doesNotContain("a");
    }

    @Test
    void fieldLengthsDecodeLikeLucenesNorms() {
        for (int b = 0; b < 256; b++) {
            assertThat(browser.lengths()[b]).as("norm byte %d", b).isEqualTo((float) SmallFloat.byte4ToInt((byte) b));
        }
    }

    private static List<String> lucene(String text) {
        try (Analyzer analyzer = new SearchAnalyzer()) {
            return SearchAnalyzer.terms(analyzer, SearchField.BODY.fieldName(), text);
        }
    }
}
