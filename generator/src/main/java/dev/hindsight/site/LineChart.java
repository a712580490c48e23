package dev.hindsight.site;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Values per category for one or more series (median time to resolve per quarter and severity) as an inline
 * SVG line chart drawn at build time (see {@link ChartFrame}). A series without a value in some category is
 * broken there rather than joined across the gap; every point carries its value in a tooltip.
 */
final class LineChart {
    private LineChart() {
    }

    /**
     * @param values    {@code values[series][category]}, {@code null} where the series has no value
     * @param percent   a 0–100 scale in steps of 20 instead of one fitted to the values
     * @param tickText  how the scale's ticks read
     * @param valueText how a value reads in its tooltip
     */
    static String svg(String idPrefix, List<String> categories, List<ChartSeries> series, Double[][] values,
                      boolean percent, DoubleFunction<String> tickText, DoubleFunction<String> valueText,
                      ChartLabels labels) {
        ChartFrame frame = new ChartFrame("line-chart", idPrefix, labels);
        double max = 0;
        for (Double[] line : values) {
            for (Double value : line) {
                if (value != null) {
                    max = Math.max(max, value);
                }
            }
        }
        if (percent) {
            frame.verticalScale(100, 20, tickText);
        } else {
            frame.verticalScale(max, tickText);
        }
        int n = categories.size();
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? frame.plotLeft() + frame.plotWidth() / 2 : frame.plotLeft() + i * frame.plotWidth() / (n - 1);
        }
        frame.categoryLabels(xs, categories);
        frame.axes(labels);
        StringBuilder svg = frame.out();
        for (int s = 0; s < series.size(); s++) {
            ChartSeries line = series.get(s);
            svg.append("<g class=\"chart-series ").append(line.cssClass()).append("\" data-series=\"")
                    .append(ChartFrame.escape(line.name())).append("\">\n");
            StringBuilder run = new StringBuilder();
            for (int i = 0; i <= n; i++) {
                Double value = i < n ? values[s][i] : null;
                if (value != null) {
                    run.append(run.isEmpty() ? "" : " ").append(ChartFrame.number(xs[i])).append(',')
                            .append(ChartFrame.number(frame.y(value)));
                } else if (!run.isEmpty()) {
                    svg.append("<polyline fill=\"none\" stroke=\"").append(line.fallbackColour())
                            .append("\" stroke-width=\"2\" points=\"").append(run).append("\"></polyline>\n");
                    run.setLength(0);
                }
            }
            for (int i = 0; i < n; i++) {
                Double value = values[s][i];
                if (value != null) {
                    svg.append("<circle fill=\"").append(line.fallbackColour()).append("\" cx=\"")
                            .append(ChartFrame.number(xs[i])).append("\" cy=\"").append(ChartFrame.number(frame.y(value)))
                            .append("\" r=\"3.5\" data-category=\"").append(ChartFrame.escape(categories.get(i)))
                            .append("\" data-value=\"").append(ChartFrame.number(value)).append("\"><title>")
                            .append(ChartFrame.escape(line.name() + ", " + categories.get(i) + ": "
                                    + valueText.apply(value)))
                            .append("</title></circle>\n");
                }
            }
            svg.append("</g>\n");
        }
        return frame.close();
    }
}
