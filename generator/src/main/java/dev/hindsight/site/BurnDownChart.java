package dev.hindsight.site;

import dev.hindsight.kb.BurnDownPoint;

import java.util.List;
import java.util.Locale;

/**
 * The burn-down (open action items month by month) as an inline SVG line chart drawn at build time (see
 * {@link ChartFrame}). The page shows the same numbers as a table.
 */
final class BurnDownChart {
    static final String ID = "hs-burn-down";
    static final String TITLE_ID = ID + "-title";
    static final String DESC_ID = ID + "-desc";

    private BurnDownChart() {
    }

    /** The chart of {@code points} (oldest first, at least one). */
    static String svg(List<BurnDownPoint> points, ChartLabels labels) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a burn-down needs at least one point");
        }
        ChartFrame frame = new ChartFrame("burn-down-chart", ID, labels);
        frame.verticalScale(points.stream().mapToInt(BurnDownPoint::open).max().orElse(0), v -> String.valueOf((int) v));
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? frame.plotLeft() + frame.plotWidth() / 2 : frame.plotLeft() + i * frame.plotWidth() / (n - 1);
            ys[i] = frame.y(points.get(i).open());
        }
        frame.categoryLabels(xs, points.stream().map(BurnDownChart::month).toList());
        frame.axes(labels);

        StringBuilder svg = frame.out();
        svg.append("<polyline class=\"chart-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < n; i++) {
            svg.append(i == 0 ? "" : " ").append(ChartFrame.number(xs[i])).append(',').append(ChartFrame.number(ys[i]));
        }
        svg.append("\"></polyline>\n");
        svg.append("<g class=\"chart-points\" fill=\"currentColor\">\n");
        for (int i = 0; i < n; i++) {
            svg.append("<circle cx=\"").append(ChartFrame.number(xs[i])).append("\" cy=\"")
                    .append(ChartFrame.number(ys[i])).append("\" r=\"3.5\" data-date=\"").append(points.get(i).date())
                    .append("\" data-open=\"").append(points.get(i).open()).append("\"></circle>\n");
        }
        svg.append("</g>\n");
        return frame.close();
    }

    /** "2025-10": the same in every language, and short enough to sit under a point. */
    private static String month(BurnDownPoint point) {
        return String.format(Locale.ROOT, "%04d-%02d", point.date().getYear(), point.date().getMonthValue());
    }
}
