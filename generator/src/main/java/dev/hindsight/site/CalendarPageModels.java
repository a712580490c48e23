package dev.hindsight.site;

import dev.hindsight.kb.Anniversary;
import dev.hindsight.kb.Anniversaries;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;
import dev.hindsight.site.page.AnniversariesPage;
import dev.hindsight.site.page.AnniversaryRow;
import dev.hindsight.site.page.CalendarPage;
import dev.hindsight.site.page.HomePage;
import dev.hindsight.site.page.LinkView;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The page models of the pages about when incidents happened: the anniversaries page and the calendar's
 * month grids, one page per year from the first incident's year to the last one's (years without incidents
 * too, so that paging from year to year never ends early). Frames, badges and rows come from
 * {@link PageModels}, so these pages look like the rest.
 */
final class CalendarPageModels {
    /** A summary longer than this is cut at a word to stay one line or two in a list. */
    private static final int SUMMARY_LENGTH = 200;

    private final KnowledgeBase kb;
    private final Messages m;
    private final Formats formats;
    private final PageModels pages;
    private final DateTimeFormatter monthCaption;
    private final DayOfWeek firstDayOfWeek;
    private final List<CalendarPage.Weekday> weekdays;
    /**
     * Incidents by their start date in their own offset, each day's in start order; made when a year's grid first
     * needs it ({@link #byDay()}): a rebuild that renders no grid (most edits) skips a map of every incident, which
     * was 3% of a preview rebuild's CPU samples.
     */
    private Map<LocalDate, List<Incident>> byDay;
    /** Incidents per start year, for every year from the first incident's to the last one's. */
    private final SortedMap<Integer, Integer> perYear = new TreeMap<>();

    CalendarPageModels(KnowledgeBase kb, Messages messages, PageModels pages) {
        this.kb = kb;
        this.m = messages;
        this.formats = new Formats(messages);
        this.pages = pages;
        this.monthCaption = DateTimeFormatter.ofPattern(messages.get("calendar.month.format"), messages.locale());
        this.firstDayOfWeek = WeekFields.of(messages.locale()).getFirstDayOfWeek();
        this.weekdays = IntStream.range(0, 7).mapToObj(firstDayOfWeek::plus)
                .map(d -> new CalendarPage.Weekday(d.getDisplayName(TextStyle.SHORT, messages.locale()),
                        d.getDisplayName(TextStyle.FULL, messages.locale())))
                .toList();
        for (Incident incident : kb.incidents()) {
            perYear.merge(incident.times().started().getYear(), 1, Integer::sum);
        }
        if (!perYear.isEmpty()) {
            IntStream.range(perYear.firstKey(), perYear.lastKey()).forEach(y -> perYear.putIfAbsent(y, 0));
        }
    }

    private synchronized Map<LocalDate, List<Incident>> byDay() {
        if (byDay == null) {
            Map<LocalDate, List<Incident>> days = new HashMap<>();
            List<Incident> oldestFirst = new ArrayList<>(kb.incidents());
            Collections.reverse(oldestFirst); // the order is total (ties by id), so reversed is oldest first exactly
            for (Incident incident : oldestFirst) {
                days.computeIfAbsent(incident.times().started().toLocalDate(), d -> new ArrayList<>()).add(incident);
            }
            byDay = days;
        }
        return byDay;
    }

    /** Every year with a page: from the first incident's to the last one's; none without incidents. */
    List<Integer> years() {
        return List.copyOf(perYear.keySet());
    }

    /** The year the calendar's entry page shows: the as-of year if it has incidents, else the latest one. */
    private int shownYear() {
        int asOfYear = kb.asOf().getYear();
        return perYear.getOrDefault(asOfYear, 0) > 0 ? asOfYear : perYear.lastKey();
    }

    /* ------------------------------------------------------------------------- anniversaries */

    /** The incidents of this day in earlier years, as seen from the page at {@code page}. */
    List<AnniversaryRow> onThisDay(String page) {
        String root = SitePaths.rootFrom(page);
        return kb.anniversaries().onThisDay().stream().map(a -> row(a, root)).toList();
    }

    AnniversariesPage anniversaries() {
        String root = SitePaths.rootFrom(SitePaths.ANNIVERSARIES);
        Anniversaries anniversaries = kb.anniversaries();
        String from = formats.date(kb.asOf());
        String until = formats.date(anniversaries.upcomingUntil());
        return new AnniversariesPage(pages.layout(root, m.get("anniversaries.title"), "page-anniversaries", "none"),
                m.format("anniversaries.lead", anniversaries.upcoming().size(), from, until),
                anniversaries.upcoming().stream().map(a -> row(a, root)).toList(),
                m.format("anniversaries.empty", from, until));
    }

    private AnniversaryRow row(Anniversary anniversary, String root) {
        Incident incident = anniversary.incident();
        return new AnniversaryRow(formats.date(anniversary.date()), Formats.isoDate(anniversary.date()),
                m.format("anniversaries.yearsAgo", anniversary.yearsAgo()), pages.severityBadge(incident),
                incident.id(), incident.title(), root + SitePaths.incident(incident.id()),
                summaryLine(incident.summary()));
    }

    /** The summary's first paragraph, cut at a word when long; {@code null} when there is none. */
    static String summaryLine(String summary) {
        if (summary == null || summary.isBlank()) {
            return null;
        }
        String line = summary.strip().split("\\R\\s*\\R", 2)[0].replaceAll("\\s+", " ");
        if (line.length() <= SUMMARY_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', SUMMARY_LENGTH);
        return line.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH).stripTrailing() + "\u2026";
    }

    /* ------------------------------------------------------------------------------ calendar */

    /** The home page's cards: the coming anniversaries and the calendar's years. */
    List<HomePage.Card> cards(String page) {
        String root = SitePaths.rootFrom(page);
        return List.of(new HomePage.Card(m.get("anniversaries.title"), root + SitePaths.ANNIVERSARIES,
                        String.valueOf(kb.anniversaries().upcoming().size())),
                new HomePage.Card(m.get("calendar.title"), root + SitePaths.CALENDAR, String.valueOf(perYear.size())));
    }

    /** The same two pages as plain links, for the incidents page's "browse by". */
    List<LinkView> links(String page) {
        String root = SitePaths.rootFrom(page);
        return List.of(new LinkView(m.get("anniversaries.title"), root + SitePaths.ANNIVERSARIES),
                new LinkView(m.get("calendar.title"), root + SitePaths.CALENDAR));
    }

    /** The entry page: the chosen year's grids, saying which year it shows, or the empty state. */
    CalendarPage index() {
        String page = SitePaths.CALENDAR;
        if (perYear.isEmpty()) {
            String root = SitePaths.rootFrom(page);
            return new CalendarPage(pages.layout(root, m.get("calendar.title"), "page-calendar", "none"),
                    m.get("calendar.title"), null, weekdays, List.of(), null, null, List.of(),
                    m.get("calendar.empty"));
        }
        int year = shownYear();
        int asOfYear = kb.asOf().getYear();
        String why = year == asOfYear ? m.format("calendar.shows.asOf", String.valueOf(year))
                : m.format("calendar.shows.latest", String.valueOf(year), String.valueOf(asOfYear));
        return year(page, year, m.get("calendar.title"), why + " " + yearLead(year));
    }

    /** One year's page. */
    CalendarPage year(int year) {
        return year(SitePaths.calendarYear(year), year, m.format("calendar.year.title", String.valueOf(year)),
                yearLead(year));
    }

    private String yearLead(int year) {
        return m.format("calendar.year.lead", perYear.get(year), String.valueOf(year));
    }

    private CalendarPage year(String page, int year, String title, String lead) {
        String root = SitePaths.rootFrom(page);
        List<CalendarPage.Month> months = new ArrayList<>();
        for (Month month : Month.values()) {
            months.add(month(YearMonth.of(year, month), root));
        }
        return new CalendarPage(pages.layout(root, title, "page-calendar", "none"), title, lead, weekdays, months,
                perYear.containsKey(year - 1) ? yearLink(year - 1, root, false) : null,
                perYear.containsKey(year + 1) ? yearLink(year + 1, root, false) : null,
                perYear.keySet().stream().map(y -> yearLink(y, root, y == year)).toList(), null);
    }

    private CalendarPage.YearLink yearLink(int year, String root, boolean current) {
        return new CalendarPage.YearLink(String.valueOf(year), root + SitePaths.calendarYear(year),
                m.format("calendar.count", perYear.get(year)), current);
    }

    private CalendarPage.Month month(YearMonth month, String root) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<List<CalendarPage.Day>> weeks = new ArrayList<>();
        List<CalendarPage.Entry> incidents = new ArrayList<>();
        Map<LocalDate, List<Incident>> days = byDay();
        for (LocalDate weekStart = first.with(TemporalAdjusters.previousOrSame(firstDayOfWeek)); !weekStart.isAfter(last);
             weekStart = weekStart.plusWeeks(1)) {
            List<CalendarPage.Day> week = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = weekStart.plusDays(d);
                if (!YearMonth.from(date).equals(month)) {
                    week.add(new CalendarPage.Day("", "", false, List.of()));
                    continue;
                }
                List<CalendarPage.Entry> entries = days.getOrDefault(date, List.of()).stream()
                        .map(i -> entry(i, date, root)).toList();
                incidents.addAll(entries);
                week.add(new CalendarPage.Day(String.valueOf(date.getDayOfMonth()), Formats.isoDate(date),
                        date.equals(kb.asOf()), entries));
            }
            weeks.add(week);
        }
        return new CalendarPage.Month(monthCaption.format(first), m.format("calendar.count", incidents.size()),
                weeks, incidents);
    }

    private CalendarPage.Entry entry(Incident incident, LocalDate date, String root) {
        return new CalendarPage.Entry(PageModels.idAndTitle(incident), root + SitePaths.incident(incident.id()), pages.severityBadge(incident), formats.date(date),
                Formats.isoDate(date));
    }
}
