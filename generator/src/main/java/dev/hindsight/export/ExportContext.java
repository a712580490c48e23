package dev.hindsight.export;

import dev.hindsight.model.Incident;
import dev.hindsight.site.SitePaths;

import java.util.Locale;
import java.util.Objects;

/**
 * What an export knows about the site it is written into, beyond the knowledge base.
 *
 * @param baseUrl   the site's absolute URL, ending in '/'; {@code null} when unknown, and then no export
 *                  writes an absolute link (a guessed one would be wrong)
 * @param locale    the site's language, for exports with words in them (the tracking report, calendar
 *                  descriptions)
 * @param siteTitle the site's title, which names the feed and stands as its author
 */
public record ExportContext(String baseUrl, Locale locale, String siteTitle) {
    public ExportContext {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(siteTitle, "siteTitle");
        if (baseUrl != null && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
    }

    /** Whether the site's language is Chinese (any {@code zh} locale), as {@code TrackingReport} decides. */
    boolean chinese() {
        return locale.getLanguage().equals("zh");
    }

    /** An incident's page relative to the site root, exactly as the site's own pages link to it. */
    static String incidentPage(Incident incident) {
        return SitePaths.incident(incident.id());
    }

    /** {@code sitePath} as an absolute URL, or {@code null} without a base URL. */
    String absolute(String sitePath) {
        return baseUrl == null ? null : baseUrl + sitePath;
    }
}
