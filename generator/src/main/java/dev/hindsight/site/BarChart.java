package dev.hindsight.site;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Named values as horizontal bars (top services, error budget per incident), drawn at build time as inline
 * SVG (see {@link ChartFrame}): names on the left, cut short with an ellipsis when long (the tooltip and the
 * page's table give them whole), the value at the end of each bar.
 */
final class BarChart {
    private static final int LABEL_WIDTH = 190;
    private static final int ROW = 24;
    private static final int MAX_LABEL = 26;

    private BarChart() {
    }

    static String svg(String idPrefix, List<String> names, double[] values, DoubleFunction<String> valueText,
                      ChartLabels labels) {
        int n = names.size();
        int height = ChartFrame.TOP + Math.max(1, n) * ROW + 44;
        ChartFrame frame = new ChartFrame("bar-chart", idPrefix, labels, LABEL_WIDTH, height);
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        int step = ChartFrame.tickStep((int) Math.ceil(max));
        double top = Math.max(step, Math.ceil(max / step) * step);
        // Leave room after the longest bar for its value.
        double scale = (frame.plotWidth() - 48) / top;
        double bottom = ChartFrame.TOP + n * ROW;
        StringBuilder svg = frame.out();
        svg.append("<g class=\"chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.2\">\n");
        for (int value = 0; value <= top; value += step) {
            String x = ChartFrame.number(frame.plotLeft() + value * scale);
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(ChartFrame.TOP).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(ChartFrame.number(bottom)).append("\"></line>\n");
        }
        svg.append("</g>\n");
        svg.append("<g class=\"chart-ticks chart-x-ticks\" text-anchor=\"middle\" fill=\"currentColor\">\n");
        for (int value = 0; value <= top; value += step) {
            svg.append("<text x=\"").append(ChartFrame.number(frame.plotLeft() + value * scale)).append("\" y=\"")
                    .append(ChartFrame.number(bottom + 18)).append("\">").append(ChartFrame.escape(valueText.apply(value)))
                    .append("</text>\n");
        }
        svg.append("</g>\n");
        svg.append("<g class=\"chart-bars\">\n");
        for (int i = 0; i < n; i++) {
            double y = ChartFrame.TOP + i * ROW;
            double width = values[i] * scale;
            String name = names.get(i);
            svg.append("<g data-name=\"").append(ChartFrame.escape(name)).append("\" data-value=\"")
                    .append(ChartFrame.number(values[i])).append("\"><title>")
                    .append(ChartFrame.escape(name + ": " + valueText.apply(values[i]))).append("</title>\n");
            svg.append("<text class=\"bar-label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"")
                    .append(ChartFrame.number(y + ROW / 2.0)).append("\" dy=\"0.32em\" text-anchor=\"end\" fill=\"currentColor\">")
                    .append(ChartFrame.escape(shorten(name))).append("</text>\n");
            svg.append("<rect class=\"series-single\" fill=\"#1a56c4\" x=\"").append(LABEL_WIDTH).append("\" y=\"")
                    .append(ChartFrame.number(y + 4)).append("\" width=\"").append(ChartFrame.number(width))
                    .append("\" height=\"").append(ROW - 8).append("\"></rect>\n");
            svg.append("<text class=\"bar-value\" x=\"").append(ChartFrame.number(LABEL_WIDTH + width + 6))
                    .append("\" y=\"").append(ChartFrame.number(y + ROW / 2.0))
                    .append("\" dy=\"0.32em\" fill=\"currentColor\">").append(ChartFrame.escape(valueText.apply(values[i])))
                    .append("</text>\n</g>\n");
        }
        svg.append("</g>\n");
        svg.append("<g class=\"chart-axes\" stroke=\"currentColor\">\n<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"")
                .append(ChartFrame.TOP).append("\" x2=\"").append(LABEL_WIDTH).append("\" y2=\"")
                .append(ChartFrame.number(bottom)).append("\"></line>\n</g>\n");
        svg.append("<text class=\"chart-axis-label\" x=\"").append(ChartFrame.number(frame.plotLeft() + frame.plotWidth() / 2))
                .append("\" y=\"").append(height - 6).append("\" text-anchor=\"middle\" fill=\"currentColor\">")
                .append(ChartFrame.escape(labels.xAxis())).append("</text>\n");
        return frame.close();
    }

    /** At most {@value #MAX_LABEL} code points, never splitting a surrogate pair. */
    static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LABEL) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
    }
}
