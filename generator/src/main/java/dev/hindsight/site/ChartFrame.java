package dev.hindsight.site;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * What every chart drawn at build time shares: the {@code <svg>} element named by its {@code <title>} and
 * described by its {@code <desc>}, a value scale with grid lines and ticks, category labels, axes and their
 * titles. No script, no {@code style} attributes (the pages' CSP allows only the theme's stylesheet): colours
 * come from CSS classes, with presentation attributes as the fallback. Numbers are printed with one decimal
 * in the root locale, so the same figures always give the same bytes.
 */
final class ChartFrame {
    static final int WIDTH = 640;
    static final int RIGHT = 24;
    static final int TOP = 20;
    static final int BOTTOM = 60;
    static final int LEFT = 56;
    private static final int HEIGHT = 300;
    private static final int MAX_TICKS = 5;
    private static final int MAX_CATEGORY_LABELS = 8;

    private final StringBuilder svg = new StringBuilder(8192);
    private final int left;
    private final int height;
    private double top = 1;

    /** A frame of the usual size, plot area starting at {@link #LEFT}. */
    ChartFrame(String cssClass, String idPrefix, ChartLabels labels) {
        this(cssClass, idPrefix, labels, LEFT, HEIGHT);
    }

    /**
     * @param idPrefix the title's and description's ids are this plus {@code -title} and {@code -desc}; unique
     *                 on the page
     * @param left     where the plot area starts (wider for bar labels)
     * @param height   the whole chart's height
     */
    ChartFrame(String cssClass, String idPrefix, ChartLabels labels, int left, int height) {
        this.left = left;
        this.height = height;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(cssClass)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"")
                .append(idPrefix).append("-title\" aria-describedby=\"").append(idPrefix).append("-desc\">\n");
        svg.append("<title id=\"").append(idPrefix).append("-title\">").append(escape(labels.title()))
                .append("</title>\n");
        svg.append("<desc id=\"").append(idPrefix).append("-desc\">").append(escape(labels.description()))
                .append("</desc>\n");
    }

    double plotLeft() {
        return left;
    }

    double plotRight() {
        return WIDTH - RIGHT;
    }

    double plotWidth() {
        return plotRight() - plotLeft();
    }

    double plotTop() {
        return TOP;
    }

    double plotBottom() {
        return height - BOTTOM;
    }

    double plotHeight() {
        return plotBottom() - plotTop();
    }

    /** The markup so far, for the chart's own marks. */
    StringBuilder out() {
        return svg;
    }

    /**
     * A vertical scale from 0 to a round value at or above {@code max}, with a grid line and a tick per step
     * (at most five steps of 1, 2, 5, 10, 20, 50... of the unit).
     */
    void verticalScale(double max, DoubleFunction<String> tickText) {
        int step = tickStep((int) Math.ceil(max));
        verticalScale(Math.max(step, Math.ceil(max / step) * step), step, tickText);
    }

    /** A vertical scale from 0 to {@code top} in steps of {@code step} (percentages: 0 to 100 by 20). */
    void verticalScale(double top, int step, DoubleFunction<String> tickText) {
        this.top = top;
        svg.append("<g class=\"chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.2\">\n");
        for (int value = 0; value <= top; value += step) {
            String y = number(y(value));
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\"></line>\n");
        }
        svg.append("</g>\n");
        svg.append("<g class=\"chart-ticks chart-y-ticks\" text-anchor=\"end\" fill=\"currentColor\">\n");
        for (int value = 0; value <= top; value += step) {
            svg.append("<text x=\"").append(left - 8).append("\" y=\"").append(number(y(value)))
                    .append("\" dy=\"0.32em\">").append(escape(tickText.apply(value))).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    /** Where {@code value} sits on the vertical scale. */
    double y(double value) {
        return plotBottom() - value * plotHeight() / top;
    }

    /**
     * Labels under the categories at {@code xs}: at most eight, counted back from the last so that the latest
     * category is always named.
     */
    void categoryLabels(double[] xs, List<String> labels) {
        int n = xs.length;
        int every = Math.max(1, (n + MAX_CATEGORY_LABELS - 1) / MAX_CATEGORY_LABELS);
        svg.append("<g class=\"chart-ticks chart-x-ticks\" text-anchor=\"middle\" fill=\"currentColor\">\n");
        for (int i = 0; i < n; i++) {
            if ((n - 1 - i) % every == 0) {
                svg.append("<text x=\"").append(number(xs[i])).append("\" y=\"").append(number(plotBottom() + 20))
                        .append("\">").append(escape(labels.get(i))).append("</text>\n");
            }
        }
        svg.append("</g>\n");
    }

    /** The left and bottom axis lines and the axes' titles. */
    void axes(ChartLabels labels) {
        svg.append("<g class=\"chart-axes\" stroke=\"currentColor\">\n");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(TOP).append("\" x2=\"").append(left)
                .append("\" y2=\"").append(number(plotBottom())).append("\"></line>\n");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(number(plotBottom())).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(number(plotBottom())).append("\"></line>\n");
        svg.append("</g>\n");
        svg.append("<text class=\"chart-axis-label\" x=\"").append(number(plotLeft() + plotWidth() / 2))
                .append("\" y=\"").append(height - 12).append("\" text-anchor=\"middle\" fill=\"currentColor\">")
                .append(escape(labels.xAxis())).append("</text>\n");
        svg.append("<text class=\"chart-axis-label\" transform=\"rotate(-90)\" x=\"")
                .append(number(-(TOP + plotHeight() / 2)))
                .append("\" y=\"16\" text-anchor=\"middle\" fill=\"currentColor\">")
                .append(escape(labels.yAxis())).append("</text>\n");
    }

    String close() {
        return svg.append("</svg>").toString();
    }

    /** The smallest of 1, 2, 5, 10, 20, 50... that needs at most five steps to reach {@code max}. */
    static int tickStep(int max) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int factor : new int[] {1, 2, 5}) {
                int step = factor * magnitude;
                if ((long) step * MAX_TICKS >= max) {
                    return step;
                }
            }
        }
    }

    /**
     * One decimal, root locale: never "1,5", never "1.5000001". Worked out from the tenths when the value is not near a
     * half tenth, where {@code %.1f} (which rounds the shortest decimal form half up) could round the other way:
     * {@code String.format} was 1.2% of a full build's CPU samples, for the charts of the metrics pages.
     */
    static String number(double value) {
        double tenths = value * 10;
        double fraction = tenths - Math.floor(tenths);
        if (Math.abs(value) < 1e6 && Math.abs(fraction - 0.5) > 1e-6) {
            long rounded = Math.round(tenths);
            long whole = Math.abs(rounded) / 10;
            long tenth = Math.abs(rounded) % 10;
            String sign = rounded < 0 ? "-" : "";
            return tenth == 0 ? (whole == 0 ? "0" : sign + whole) : sign + whole + "." + tenth;
        }
        return formatted(value);
    }

    private static String formatted(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        if (text.equals("-0.0")) {
            return "0";
        }
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** Text and attribute content, escaped (see {@link HtmlText}). */
    static String escape(String text) {
        return HtmlText.escape(text);
    }
}
