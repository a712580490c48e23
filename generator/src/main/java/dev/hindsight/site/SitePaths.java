package dev.hindsight.site;

import dev.hindsight.kb.TaxonomyKind;

/**
 * Where every page lives in the site, relative to its root, and how pages link to each other. Every
 * link is relative (so the site works from file:// and under any path) and names index.html
 * explicitly (file:// does not resolve directory indexes); the directories still give pretty URLs
 * on a web server ({@code incidents/INC-2025-10-05-001/}).
 */
public final class SitePaths {
    public static final String HOME = "index.html";
    public static final String INCIDENTS = "incidents/index.html";
    public static final String LESSONS = "lessons/index.html";
    public static final String SEARCH = "search/index.html";
    /** The browser search engine's entry data file, written by the search stage beside the search page. */
    public static final String SEARCH_DATA = "search/meta.js";
    public static final String NOT_FOUND = "404.html";
    public static final String ACTIONS = "actions/index.html";
    public static final String OVERDUE_ACTIONS = "actions/overdue/index.html";
    public static final String ACTION_OWNERS = "actions/owners/index.html";
    public static final String METRICS = "metrics/index.html";
    /** The Atom feed of every incident, written by the exports; every page's head links to it. */
    public static final String FEED = "feed.xml";
    /** The sitemap, written only when the base URL is known (its URLs must be absolute). */
    public static final String SITEMAP = "sitemap.xml";
    public static final String ANNIVERSARIES = "anniversaries/index.html";
    /** The calendar's entry page; each year has its own page, see {@link #calendarYear}. */
    public static final String CALENDAR = "calendar/index.html";

    private SitePaths() {
    }

    public static String incidentDirectory(String id) {
        return "incidents/" + id + "/";
    }

    public static String incident(String id) {
        return incidentDirectory(id) + "index.html";
    }

    /** The action-tracking page of one owner, e.g. {@code actions/owners/张三/index.html}. */
    public static String actionOwner(String slug) {
        return "actions/owners/" + slug + "/index.html";
    }

    /** The metrics of the incidents that started in one year. */
    public static String metricsOfYear(int year) {
        return "metrics/" + year + "/index.html";
    }

    /** The metrics of one service's incidents, by the service's taxonomy slug. */
    public static String metricsOfService(String slug) {
        return "metrics/services/" + slug + "/index.html";
    }

    /** The month grids of one year, e.g. {@code calendar/2026/index.html}. */
    public static String calendarYear(int year) {
        return "calendar/" + year + "/index.html";
    }

    public static String taxonomyIndex(TaxonomyKind kind) {
        return kind.path() + "/index.html";
    }

    public static String term(TaxonomyKind kind, String slug) {
        return kind.path() + "/" + slug + "/index.html";
    }

    /** The prefix that leads from {@code page} back to the site root, e.g. "../../" for a depth of two. */
    public static String rootFrom(String page) {
        int depth = 0;
        for (int i = 0; i < page.length(); i++) {
            if (page.charAt(i) == '/') {
                depth++;
            }
        }
        return "../".repeat(depth);
    }

    /** A site path as linked from an incident page. */
    static String fromIncident(String sitePath) {
        return "../../" + sitePath;
    }
}
