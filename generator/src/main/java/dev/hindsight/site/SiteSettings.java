package dev.hindsight.site;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * How to render the site. The as-of date and these settings are, with the reports, the only inputs of
 * a build: the same values give byte-identical output.
 *
 * @param title             the site's title
 * @param locale            the UI language: {@code en} or {@code zh-CN}
 * @param asOf              the date overdue items are judged on
 * @param zone              the site's time zone
 * @param baseUrl           the site's absolute URL, used only where a link must be absolute (404 page,
 *                          feeds, sitemap); {@code null} when unknown
 * @param editUrlPattern    where a report's source can be edited, with {@code {path}} for its path
 *                          relative to the source directory; {@code null} for no edit links
 * @param allowRawHtml      render raw HTML in reports instead of escaping it (trusted authors only)
 * @param templateDirectory templates that override the built-in ones by name; {@code null} for none
 */
public record SiteSettings(String title, Locale locale, LocalDate asOf, ZoneId zone, String baseUrl,
                           String editUrlPattern, boolean allowRawHtml, Path templateDirectory) {
    public SiteSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(zone, "zone");
        if (baseUrl != null && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
    }

    /** The defaults for a site titled "Post-mortems", in English. */
    public static SiteSettings defaults(LocalDate asOf, ZoneId zone) {
        return new SiteSettings("Post-mortems", Locale.ENGLISH, asOf, zone, null, null, false, null);
    }
}
