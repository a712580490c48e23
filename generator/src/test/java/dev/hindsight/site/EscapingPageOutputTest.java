package dev.hindsight.site;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Values escaped by EscapingPageOutput are byte for byte what jte's own policy writes, in every context. */
class EscapingPageOutputTest {
    private static final String[] PIECES = {"plain", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)", " JavaScript:x", "a & b", "it's", "时间线 <b>", "\uD83D\uDE80", "\uD83D", "\uDE80",
            "\uD800 lone", "é>", "", "x", "' \" & < >", "a longer run of text that is well over thirty-two characters"};
    /** Tag and attribute, null attribute for an element's body. */
    private static final String[][] CONTEXTS = {{null, null}, {"p", null}, {"script", null}, {"SCRIPT", null},
            {"td", "class"}, {"tr", "data-text"}, {"time", "datetime"}, {"a", "href"}, {"A", "HREF"},
            {"area", "href"}, {"link", "href"}, {"img", "src"}, {"iframe", "src"}, {"iframe", "srcdoc"},
            {"form", "action"}, {"button", "formaction"}, {"div", "onclick"}, {"div", "OnMouseOver"},
            {"div", "title"}, {"input", "value"}};

    @Test
    void escapesEveryValueAsJteDoes() {
        Random random = new Random(5);
        for (int round = 0; round < 500; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            Utf8PageOutput reference = new Utf8PageOutput(expected);
            Utf8PageOutput page = new Utf8PageOutput(actual);
            HtmlTemplateOutput jte = new OwaspHtmlTemplateOutput(reference);
            HtmlTemplateOutput ours = new EscapingPageOutput(page);
            int writes = random.nextInt(200);
            for (int w = 0; w < writes; w++) {
                String[] context = CONTEXTS[random.nextInt(CONTEXTS.length)];
                StringBuilder value = new StringBuilder();
                for (int p = random.nextInt(4); p >= 0; p--) {
                    value.append(PIECES[random.nextInt(PIECES.length)].repeat(1 + random.nextInt(round % 50 == 0 ? 2000 : 3)));
                }
                boolean fixedText = random.nextInt(10) == 0;
                for (HtmlTemplateOutput output : new HtmlTemplateOutput[] {jte, ours}) {
                    output.setContext(context[0], context[1]);
                    if (fixedText) {
                        output.writeContent("<li>"); // fixed text between values
                    }
                    output.writeUserContent(value.toString());
                }
            }
            reference.finish();
            page.finish();
            assertThat(firstDifference(actual.toByteArray(), expected.toByteArray())).as("round %d", round).isEmpty();
        }
    }

    /** Where two outputs part, with what each has there; empty when they are the same (a page is long to print). */
    private static String firstDifference(byte[] actual, byte[] expected) {
        int at = Arrays.mismatch(actual, expected);
        if (at < 0) {
            return "";
        }
        int from = Math.max(0, at - 40);
        return "at byte " + at + ": wrote ..." + new String(actual, from, Math.min(actual.length, at + 40) - from,
                StandardCharsets.UTF_8) + "... where jte wrote ..." + new String(expected, from,
                Math.min(expected.length, at + 40) - from, StandardCharsets.UTF_8) + "...";
    }
}
