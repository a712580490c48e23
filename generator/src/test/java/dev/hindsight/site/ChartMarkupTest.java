package dev.hindsight.site;

import dev.hindsight.model.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics charts' markup: marks where the numbers say, gaps left open, names escaped and cut safely. */
class ChartMarkupTest {
    private static final ChartLabels LABELS = new ChartLabels("Chart <b>", "Says \"what\" & why", "X", "Y");
    private static final List<ChartSeries> TWO = List.of(ChartSeries.of(Severity.P0), ChartSeries.of(Severity.P2));

    private static Element svg(String markup) {
        return Jsoup.parse("<body>" + markup + "</body>").selectFirst("body > svg");
    }

    @Test
    void stackedBarsStackEachCategorysCountsBottomUpAndSkipZeroParts() {
        Element svg = svg(StackedBarChart.svg("c", List.of("2025-01", "2025-02"), TWO,
                new int[][] {{2, 1}, {0, 4}}, LABELS));

        assertThat(svg.select("g[data-category]").eachAttr("data-total")).containsExactly("3", "4");
        Element first = svg.selectFirst("g[data-category=2025-01]");
        assertThat(first.select("rect").eachAttr("class")).containsExactly("series-p0", "series-p2");
        // The P0 part sits below the P2 part: a larger y.
        double p0Top = Double.parseDouble(first.select("rect").get(0).attr("y"));
        double p2Top = Double.parseDouble(first.select("rect").get(1).attr("y"));
        assertThat(p0Top).isGreaterThan(p2Top);
        assertThat(svg.selectFirst("g[data-category=2025-02]").select("rect")).hasSize(1);
        assertThat(svg.selectFirst("g[data-category=2025-02] title").text()).isEqualTo("2025-02: 4 P2");
    }

    @Test
    void aLineIsBrokenWhereASeriesHasNoValue() {
        Double[][] values = {{1.0, null, 3.0, 4.0}, {null, null, null, 2.5}};
        Element svg = svg(LineChart.svg("c", List.of("Q1", "Q2", "Q3", "Q4"), TWO, values, false,
                ChartFrame::number, v -> v + " min", LABELS));

        Element p0 = svg.selectFirst("g.chart-series[data-series=P0]");
        assertThat(p0.select("polyline")).hasSize(2);
        assertThat(p0.select("polyline").get(0).attr("points").split(" ")).hasSize(1);
        assertThat(p0.select("polyline").get(1).attr("points").split(" ")).hasSize(2);
        assertThat(p0.select("circle").eachAttr("data-category")).containsExactly("Q1", "Q3", "Q4");
        assertThat(svg.selectFirst("g.chart-series[data-series=P2] circle title").text()).isEqualTo("P2, Q4: 2.5 min");
        // 4 at most: ticks of 1 up to 4.
        assertThat(svg.select("g.chart-y-ticks text").eachText()).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void aPercentLineChartAlwaysRunsFromZeroToOneHundred() {
        Double[][] values = {{12.5, 40.0}};
        Element svg = svg(LineChart.svg("c", List.of("Q1", "Q2"), List.of(ChartSeries.single("Rate")), values, true,
                v -> ChartFrame.number(v) + "%", v -> v + "%", LABELS));

        assertThat(svg.select("g.chart-y-ticks text").eachText()).containsExactly("0%", "20%", "40%", "60%", "80%",
                "100%");
    }

    @Test
    void barsAreAsLongAsTheirValuesAndLongNamesAreCutWithoutSplittingACharacter() {
        String emoji = "🔥".repeat(30);
        Element svg = svg(BarChart.svg("c", List.of("short", emoji), new double[] {2, 4}, v -> ChartFrame.number(v),
                LABELS));

        List<Element> bars = svg.select("g[data-name] rect");
        double shortWidth = Double.parseDouble(bars.get(0).attr("width"));
        double longWidth = Double.parseDouble(bars.get(1).attr("width"));
        assertThat(longWidth).isEqualTo(shortWidth * 2, org.assertj.core.data.Offset.offset(0.2));
        String label = svg.select("text.bar-label").get(1).text();
        assertThat(label).endsWith("…").isEqualTo("🔥".repeat(25) + "…");
        assertThat(svg.select("g[data-name]").get(1).attr("data-name")).isEqualTo(emoji);
    }

    @Test
    void everyChartIsNamedDescribedAndEscaped() {
        List<String> charts = List.of(
                StackedBarChart.svg("a", List.of("<m>"), TWO, new int[][] {{1, 0}}, LABELS),
                LineChart.svg("b", List.of("<q>"), TWO, new Double[][] {{1.0}, {2.0}}, false, ChartFrame::number,
                        ChartFrame::number, LABELS),
                BarChart.svg("c", List.of("<script>x</script>"), new double[] {1}, ChartFrame::number, LABELS));
        for (String markup : charts) {
            Element svg = svg(markup);
            assertThat(markup).doesNotContain("<script>", "<m>", "<q>", "<b>");
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.selectFirst("title#" + svg.attr("aria-labelledby")).text()).isEqualTo("Chart <b>");
            assertThat(svg.selectFirst("desc#" + svg.attr("aria-describedby")).text()).isEqualTo("Says \"what\" & why");
            assertThat(svg.select("[style], script")).isEmpty();
        }
    }

    @Test
    void numbersNeverPrintANegativeZero() {
        assertThat(ChartFrame.number(-0.01)).isEqualTo("0");
        assertThat(ChartFrame.number(-1.26)).isEqualTo("-1.3");
    }
}
