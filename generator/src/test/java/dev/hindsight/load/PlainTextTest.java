package dev.hindsight.load;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PlainText#collapse} against the rule written the plain way, on text full of every kind of whitespace. */
class PlainTextTest {
    @Test
    void collapsesWhitespaceRunsAndTrimsTheEnds() {
        assertThat(PlainText.collapse("  Redis \t pool\n\nfull  ")).isEqualTo("Redis pool full");
        assertThat(PlainText.collapse("故障\u3000复盘\u2003x")).isEqualTo("故障 复盘 x");
        assertThat(PlainText.collapse(" \n ")).isEmpty();
        assertThat(PlainText.collapse("")).isEmpty();
    }

    @Test
    void agreesWithThePlainRuleOnRandomText() {
        Random random = new Random(3);
        char[] pieces = {' ', '\t', '\n', '\r', '\u000B', '\u001F', '\u00A0', '\u1680', '\u2003', '\u2028', '\u3000',
                '\u200B', 'a', 'Z', '!', '~', '\u007F', 'é', '故', '\uD83D', '\uDE00'};
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(PlainText.collapse(text)).as("collapsed %s", text).isEqualTo(plainRule(text.toString()));
        }
    }

    /** Words are the runs of characters that are not Character.isWhitespace, joined by one space. */
    private static String plainRule(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (char c : (text + " ").toCharArray()) {
            if (Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    out.append(out.length() > 0 ? " " : "").append(word);
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        return out.toString();
    }
}
