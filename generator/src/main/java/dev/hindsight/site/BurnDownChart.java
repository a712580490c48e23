package dev.hindsight.site;

import dev.hindsight.kb.BurnDownPoint;

import java.util.List;
import java.util.Locale;

/**
 * The burn-down (open action items month by month) as inline SVG markup, drawn at build time: no script,
 * no chart library, no {@code style} attributes (the pages' CSP allows only the theme's stylesheet),
 * colours from CSS classes with presentation attributes as the fallback. Coordinates are printed with
 * one decimal in the root locale, so the same points always give the same bytes. The chart is named by
 * its {@code <title>} and described by its {@code <desc>}; the page shows the same numbers as a table.
 */
final class BurnDownChart {
    static final String TITLE_ID = "hs-burn-down-title";
    static final String DESC_ID = "hs-burn-down-desc";

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 24;
    private static final int TOP = 20;
    private static final int BOTTOM = 60;
    private static final int MAX_TICKS = 5;
    private static final int MAX_MONTH_LABELS = 8;

    /** The chart's words, already in the site's language. */
    record Labels(String title, String description, String xAxis, String yAxis) {
    }

    private BurnDownChart() {
    }

    /** The chart of {@code points} (oldest first, at least one). */
    static String svg(List<BurnDownPoint> points, Labels labels) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a burn-down needs at least one point");
        }
        int max = points.stream().mapToInt(BurnDownPoint::open).max().orElse(0);
        int step = tickStep(max);
        int top = Math.max(step, (max + step - 1) / step * step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double bottom = TOP + plotHeight;

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"burn-down-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(TITLE_ID)
                .append("\" aria-describedby=\"").append(DESC_ID).append("\">\n");
        svg.append("<title id=\"").append(TITLE_ID).append("\">").append(escape(labels.title())).append("</title>\n");
        svg.append("<desc id=\"").append(DESC_ID).append("\">").append(escape(labels.description()))
                .append("</desc>\n");

        svg.append("<g class=\"chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.2\">\n");
        for (int value = 0; value <= top; value += step) {
            String y = number(bottom - value * plotHeight / top);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\"></line>\n");
        }
        svg.append("</g>\n");

        svg.append("<g class=\"chart-ticks chart-y-ticks\" text-anchor=\"end\" fill=\"currentColor\">\n");
        for (int value = 0; value <= top; value += step) {
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"")
                    .append(number(bottom - value * plotHeight / top)).append("\" dy=\"0.32em\">").append(value)
                    .append("</text>\n");
        }
        svg.append("</g>\n");

        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? LEFT + plotWidth / 2 : LEFT + i * plotWidth / (n - 1);
            ys[i] = bottom - points.get(i).open() * plotHeight / top;
        }

        // Month labels from the last (the as-of date) backwards, at most eight, so the latest is always named.
        int every = Math.max(1, (n + MAX_MONTH_LABELS - 1) / MAX_MONTH_LABELS);
        svg.append("<g class=\"chart-ticks chart-x-ticks\" text-anchor=\"middle\" fill=\"currentColor\">\n");
        for (int i = 0; i < n; i++) {
            if ((n - 1 - i) % every == 0) {
                svg.append("<text x=\"").append(number(xs[i])).append("\" y=\"").append(number(bottom + 20))
                        .append("\">").append(escape(month(points.get(i)))).append("</text>\n");
            }
        }
        svg.append("</g>\n");

        svg.append("<g class=\"chart-axes\" stroke=\"currentColor\">\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(number(bottom)).append("\"></line>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(number(bottom)).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(number(bottom)).append("\"></line>\n");
        svg.append("</g>\n");

        svg.append("<text class=\"chart-axis-label\" x=\"").append(number(LEFT + plotWidth / 2)).append("\" y=\"")
                .append(HEIGHT - 12).append("\" text-anchor=\"middle\" fill=\"currentColor\">")
                .append(escape(labels.xAxis())).append("</text>\n");
        svg.append("<text class=\"chart-axis-label\" transform=\"rotate(-90)\" x=\"")
                .append(number(-(TOP + plotHeight / 2))).append("\" y=\"16\" text-anchor=\"middle\" fill=\"currentColor\">")
                .append(escape(labels.yAxis())).append("</text>\n");

        svg.append("<polyline class=\"chart-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < n; i++) {
            svg.append(i == 0 ? "" : " ").append(number(xs[i])).append(',').append(number(ys[i]));
        }
        svg.append("\"></polyline>\n");

        svg.append("<g class=\"chart-points\" fill=\"currentColor\">\n");
        for (int i = 0; i < n; i++) {
            svg.append("<circle cx=\"").append(number(xs[i])).append("\" cy=\"").append(number(ys[i]))
                    .append("\" r=\"3.5\" data-date=\"").append(points.get(i).date()).append("\" data-open=\"")
                    .append(points.get(i).open()).append("\"></circle>\n");
        }
        svg.append("</g>\n");
        svg.append("</svg>");
        return svg.toString();
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

    /** "2025-10": the same in every language, and short enough to sit under a point. */
    private static String month(BurnDownPoint point) {
        return String.format(Locale.ROOT, "%04d-%02d", point.date().getYear(), point.date().getMonthValue());
    }

    /** One decimal, root locale: never "1,5", never "1.5000001". */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** Text and attribute content: every character with a meaning in markup spelled as a reference. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
