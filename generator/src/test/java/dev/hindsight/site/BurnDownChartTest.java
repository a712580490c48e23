package dev.hindsight.site;

import dev.hindsight.kb.BurnDownPoint;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The burn-down chart's markup: deterministic numbers, escaped words, a sensible scale. */
class BurnDownChartTest {
    private static final ChartLabels LABELS = new ChartLabels("Open <items>",
            "A \"quoted\" & <b>bold</b> description", "Month", "Open");
    private static final List<BurnDownPoint> POINTS = List.of(new BurnDownPoint(LocalDate.of(2025, 1, 31), 3),
            new BurnDownPoint(LocalDate.of(2025, 2, 28), 7), new BurnDownPoint(LocalDate.of(2025, 3, 12), 0));

    private static Element chart(List<BurnDownPoint> points) {
        Document page = Jsoup.parse("<body>" + BurnDownChart.svg(points, LABELS) + "</body>");
        return page.selectFirst("body > svg");
    }

    @Test
    void theSamePointsGiveTheSameBytes() {
        assertThat(BurnDownChart.svg(POINTS, LABELS)).isEqualTo(BurnDownChart.svg(List.copyOf(POINTS), LABELS));
    }

    @Test
    void numbersArePrintedWithAtMostOneDecimalInTheRootLocale() {
        assertThat(ChartFrame.number(12)).isEqualTo("12");
        assertThat(ChartFrame.number(1.25)).isEqualTo("1.3");
        assertThat(ChartFrame.number(2.0 / 3)).isEqualTo("0.7");
        Element svg = chart(POINTS);
        for (String attribute : List.of("x", "y", "x1", "y1", "x2", "y2", "cx", "cy")) {
            assertThat(svg.select("[" + attribute + "]").eachAttr(attribute)).as(attribute)
                    .allSatisfy(value -> assertThat(value).matches("-?\\d+(\\.\\d)?"));
        }
        assertThat(svg.selectFirst("polyline").attr("points").split("[ ,]"))
                .allSatisfy(value -> assertThat(value).matches("\\d+(\\.\\d)?"));
    }

    @Test
    void numbersAreWhatPercentPointOneFWouldPrint() {
        Random random = new Random(3);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.05, -0.05, 0.04, -0.04, 0.5, -0.5, 1.45, 2.675,
                -1.45, 999_999.95, 1e6, -1e6, 1e7 + 0.05, 123.35, 0.15, 0.25, 0.35));
        for (int i = 0; i < 100_000; i++) {
            double scale = Math.pow(10, random.nextInt(8) - 2);
            values.add((random.nextDouble() - 0.3) * scale);
            values.add(random.nextInt(200_000) / 20.0 - 1000); // every half tenth, exactly or nearly
            values.add(Math.nextUp(random.nextInt(20_000) / 20.0));
            values.add(Math.nextDown(random.nextInt(20_000) / 20.0));
        }
        for (double value : values) {
            String text = String.format(Locale.ROOT, "%.1f", value);
            String expected = text.equals("-0.0") ? "0" : text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
            assertThat(ChartFrame.number(value)).as("%s", value).isEqualTo(expected);
        }
    }

    @Test
    void wordsAreEscapedAndNamedAsTheAccessibleNameAndDescription() {
        Element svg = chart(POINTS);

        assertThat(BurnDownChart.svg(POINTS, LABELS)).contains("Open &lt;items&gt;")
                .contains("A &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; description");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("title#" + svg.attr("aria-labelledby")).text()).isEqualTo("Open <items>");
        assertThat(svg.selectFirst("desc#" + svg.attr("aria-describedby")).text())
                .isEqualTo("A \"quoted\" & <b>bold</b> description");
        assertThat(svg.select("b, [style]")).isEmpty();
    }

    @Test
    void everyPointIsDrawnAndTheLastMonthIsAlwaysLabelled() {
        Element svg = chart(POINTS);

        assertThat(svg.select("circle")).extracting(c -> c.attr("data-open")).containsExactly("3", "7", "0");
        assertThat(svg.select("g.chart-x-ticks text").eachText()).containsExactly("2025-01", "2025-02", "2025-03");
        // 7 open: steps of 2 up to 8, five lines.
        assertThat(svg.select("g.chart-y-ticks text").eachText()).containsExactly("0", "2", "4", "6", "8");
    }

    @Test
    void longSpansLabelAtMostEightMonthsEndingWithTheLast() {
        List<BurnDownPoint> points = new ArrayList<>();
        for (int month = 0; month < 35; month++) {
            points.add(new BurnDownPoint(LocalDate.of(2024, 1, 31).plusMonths(month), month));
        }
        List<String> labels = chart(points).select("g.chart-x-ticks text").eachText();

        assertThat(labels).hasSizeLessThanOrEqualTo(8).last().isEqualTo("2026-11");
    }

    @Test
    void aSinglePointOrNothingButZerosStillDrawsAScale() {
        Element svg = chart(List.of(new BurnDownPoint(LocalDate.of(2025, 1, 10), 0)));

        assertThat(svg.select("circle")).hasSize(1);
        assertThat(svg.select("g.chart-y-ticks text").eachText()).containsExactly("0", "1");
        assertThatThrownBy(() -> BurnDownChart.svg(List.of(), LABELS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ChartFrame.tickStep(0)).isEqualTo(1);
        assertThat(ChartFrame.tickStep(5)).isEqualTo(1);
        assertThat(ChartFrame.tickStep(6)).isEqualTo(2);
        assertThat(ChartFrame.tickStep(35)).isEqualTo(10);
        assertThat(ChartFrame.tickStep(240)).isEqualTo(50);
    }
}
