package dev.hindsight.site.page;

import java.util.List;

/**
 * One year of incidents as twelve month grids, or the calendar's entry page that shows one chosen year.
 *
 * @param layout   the frame
 * @param title    "Calendar 2026"
 * @param lead     how many incidents started that year, and on the entry page which year it shows and why
 * @param weekdays the grids' column headers, from the first day of the week in the site's locale
 * @param months   January to December; empty when the knowledge base has no incidents
 * @param previous the year before, {@code null} for the first year
 * @param next     the year after, {@code null} for the last year
 * @param years    every year from the first incident's to the last one's, with its count
 * @param empty    the empty state when there are no incidents at all, else {@code null}
 */
public record CalendarPage(Layout layout, String title, String lead, List<Weekday> weekdays, List<Month> months,
                           YearLink previous, YearLink next, List<YearLink> years, String empty) {
    public CalendarPage {
        weekdays = List.copyOf(weekdays);
        months = List.copyOf(months);
        years = List.copyOf(years);
    }

    /** A column header: the short name shown, the full name read out. */
    public record Weekday(String shortName, String fullName) {
    }

    /**
     * One month's grid.
     *
     * @param caption   "March 2026" in the site's language
     * @param count     "2 incidents"
     * @param weeks     rows of seven days; days of the neighbouring months fill the first and last rows
     * @param incidents the month's incidents in start order, for the list under the grid
     */
    public record Month(String caption, String count, List<List<Day>> weeks, List<Entry> incidents) {
        public Month {
            weeks = weeks.stream().map(List::copyOf).toList();
            incidents = List.copyOf(incidents);
        }
    }

    /**
     * A cell of a month's grid.
     *
     * @param number    the day of the month, empty for a day of a neighbouring month
     * @param dateIso   the date as ISO-8601, empty for a day of a neighbouring month
     * @param asOf      the knowledge base's as-of date
     * @param incidents the incidents that started that day, in start order
     */
    public record Day(String number, String dateIso, boolean asOf, List<Entry> incidents) {
        public Day {
            incidents = List.copyOf(incidents);
        }

        public boolean inMonth() {
            return !dateIso.isEmpty();
        }
    }

    /** An incident on its start day: its badge and a link named "INC-…: title". */
    public record Entry(String name, String href, Badge severity, String date, String dateIso) {
    }

    /** A year's page, its incident count as shown, and whether it is the page shown. */
    public record YearLink(String year, String href, String count, boolean current) {
    }
}
