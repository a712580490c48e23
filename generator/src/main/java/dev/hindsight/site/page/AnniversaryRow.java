package dev.hindsight.site.page;

/**
 * An incident on the day it comes round again, display-ready.
 *
 * @param date     the anniversary as shown
 * @param dateIso  the anniversary as ISO-8601
 * @param yearsAgo "2 years ago"
 * @param severity the incident's severity badge
 * @param id       the incident's id
 * @param title    its title
 * @param href     its page
 * @param summary  the first lines of its summary, {@code null} when it has none
 */
public record AnniversaryRow(String date, String dateIso, String yearsAgo, Badge severity, String id, String title,
                             String href, String summary) {
}
