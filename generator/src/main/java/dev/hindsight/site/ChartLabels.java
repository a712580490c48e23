package dev.hindsight.site;

/**
 * A chart's words, already in the site's language.
 *
 * @param title       the accessible name ({@code <title>})
 * @param description the accessible description ({@code <desc>}): what the chart shows, in numbers
 * @param xAxis       the horizontal axis's title
 * @param yAxis       the vertical axis's title
 */
record ChartLabels(String title, String description, String xAxis, String yAxis) {
}
