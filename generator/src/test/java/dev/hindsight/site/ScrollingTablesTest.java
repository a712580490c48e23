package dev.hindsight.site;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BodyRenderer#scrollingTables} wraps tables as the two replacements it stands for did, on random HTML. */
class ScrollingTablesTest {
    private static final String[] PIECES = {"<table>", "</table>", "table>", "<", "</", "/", "<p>x</p>", "故障", "t",
            "<tables>", "<table class=\"x\">", ">"};

    @Test
    void wrapsEachTableInAScrollingBox() {
        assertThat(BodyRenderer.scrollingTables("<p>a</p><table><tr><td>1</td></tr></table>"))
                .isEqualTo("<p>a</p><div class=\"table-scroll\"><table><tr><td>1</td></tr></table></div>");
        assertThat(BodyRenderer.scrollingTables("<p>no table></p>")).isEqualTo("<p>no table></p>");
    }

    @Test
    void agreesWithTheTwoReplacementsOnRandomText() {
        Random random = new Random(9);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = html.toString();
            assertThat(BodyRenderer.scrollingTables(text)).as("tables of %s", text).isEqualTo(
                    text.replace("<table>", "<div class=\"table-scroll\"><table>").replace("</table>", "</table></div>"));
        }
    }
}
