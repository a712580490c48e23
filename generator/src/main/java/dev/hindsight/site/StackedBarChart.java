package dev.hindsight.site;

import java.util.List;

/**
 * Counts per category stacked by series (incidents per month by severity) as an inline SVG bar chart drawn
 * at build time (see {@link ChartFrame}). Each bar names its category and counts in a tooltip; the page
 * shows the same numbers as a table.
 */
final class StackedBarChart {
    private StackedBarChart() {
    }

    /**
     * @param categories the bars, left to right
     * @param series     the stacked parts, bottom first
     * @param counts     {@code counts[category][series]}
     */
    static String svg(String idPrefix, List<String> categories, List<ChartSeries> series, int[][] counts,
                      ChartLabels labels) {
        ChartFrame frame = new ChartFrame("stacked-bar-chart", idPrefix, labels);
        int max = 0;
        for (int[] bar : counts) {
            int total = 0;
            for (int count : bar) {
                total += count;
            }
            max = Math.max(max, total);
        }
        frame.verticalScale(max, v -> String.valueOf((int) v));
        int n = categories.size();
        double slot = frame.plotWidth() / Math.max(1, n);
        double barWidth = Math.max(1, slot * 0.7);
        double[] centres = new double[n];
        StringBuilder svg = frame.out();
        svg.append("<g class=\"chart-bars\">\n");
        for (int i = 0; i < n; i++) {
            centres[i] = frame.plotLeft() + slot * i + slot / 2;
            StringBuilder tooltip = new StringBuilder(categories.get(i));
            int stacked = 0;
            StringBuilder rects = new StringBuilder();
            for (int s = 0; s < series.size(); s++) {
                int count = counts[i][s];
                if (count == 0) {
                    continue;
                }
                ChartSeries part = series.get(s);
                tooltip.append(stacked == 0 ? ": " : ", ")
                        .append(count).append(' ').append(part.name());
                double y0 = frame.y(stacked);
                double y1 = frame.y(stacked + count);
                rects.append("<rect class=\"").append(part.cssClass()).append("\" fill=\"").append(part.fallbackColour())
                        .append("\" x=\"").append(ChartFrame.number(centres[i] - barWidth / 2)).append("\" y=\"")
                        .append(ChartFrame.number(y1)).append("\" width=\"").append(ChartFrame.number(barWidth))
                        .append("\" height=\"").append(ChartFrame.number(y0 - y1)).append("\" data-series=\"")
                        .append(ChartFrame.escape(part.name())).append("\" data-count=\"").append(count)
                        .append("\"></rect>\n");
                stacked += count;
            }
            svg.append("<g data-category=\"").append(ChartFrame.escape(categories.get(i))).append("\" data-total=\"")
                    .append(stacked).append("\"><title>").append(ChartFrame.escape(tooltip.toString()))
                    .append("</title>\n").append(rects).append("</g>\n");
        }
        svg.append("</g>\n");
        frame.categoryLabels(centres, categories);
        frame.axes(labels);
        return frame.close();
    }
}
