package dev.hindsight.site;

import dev.hindsight.model.Severity;

import java.util.Locale;

/**
 * One series of a chart: its name (for the legend and tooltips), the CSS class that colours it, and the
 * colour used where the stylesheet does not apply (an SVG opened on its own).
 */
record ChartSeries(String name, String cssClass, String fallbackColour) {
    /** Severity colours, P0 first: the same hues as the severity badges. */
    private static final String[] SEVERITY_COLOURS = {"#b3122e", "#d9480f", "#b98900", "#4a78d8", "#8893a2"};

    static ChartSeries of(Severity severity) {
        return new ChartSeries(severity.name(), "series-" + severity.name().toLowerCase(Locale.ROOT),
                SEVERITY_COLOURS[severity.level()]);
    }

    /** A chart's only series, in the accent colour. */
    static ChartSeries single(String name) {
        return new ChartSeries(name, "series-single", "#1a56c4");
    }
}
