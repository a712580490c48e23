package dev.hindsight.site;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.LastUpdated;
import dev.hindsight.model.Incident;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sitemap.xml} (the sitemaps.org protocol): one {@code <url>} per page the build wrote, so that
 * search engines find pages no link leads them to. The protocol requires absolute URLs, so it is only
 * written with a base URL. Pages appear in directory form ({@code incidents/INC-1/}, the URL a web server
 * answers for {@code incidents/INC-1/index.html}), sorted by URL; {@code 404.html} is left out because it is
 * not a page anyone should land on from a search.
 */
final class Sitemap {
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String INDEX = "index.html";

    private Sitemap() {
    }

    /**
     * @param baseUrl      the site's absolute URL, ending in '/'
     * @param pages        site paths of the pages written, in any order, duplicates allowed
     * @param lastModified by site path, the date a page's content last changed; pages not in it get no date
     */
    static byte[] xml(String baseUrl, Collection<String> pages, Map<String, LocalDate> lastModified) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<urlset xmlns=\"").append(NAMESPACE).append("\">\n");
        // Sorted by URL, not by path: "incidents/" comes before "incidents/INC-1/" although
        // "incidents/index.html" sorts after "incidents/INC-1/index.html".
        Map<String, String> urls = new TreeMap<>();
        for (String page : pages) {
            if (!page.equals(SitePaths.NOT_FOUND)) {
                urls.put(url(baseUrl, page), page);
            }
        }
        for (Map.Entry<String, String> url : urls.entrySet()) {
            xml.append("  <url>\n");
            xml.append("    <loc>").append(url.getKey()).append("</loc>\n");
            LocalDate date = lastModified.get(url.getValue());
            if (date != null) {
                xml.append("    <lastmod>").append(date).append("</lastmod>\n");
            }
            xml.append("  </url>\n");
        }
        xml.append("</urlset>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each incident page's date: the day its report last changed, as the feed's entry says. */
    static Map<String, LocalDate> incidentDates(KnowledgeBase kb) {
        Map<String, LocalDate> dates = new HashMap<>();
        for (Incident incident : kb.incidents()) {
            dates.put(SitePaths.incident(incident.id()), LastUpdated.of(incident).toLocalDate());
        }
        return dates;
    }

    /**
     * The page's URL in directory form, ready for the {@code <loc>} element and plain ASCII: the base URL
     * keeps every character a URL may hold ('&amp;' escaped for XML), the path keeps only unreserved
     * characters and '/'; anything else is percent-encoded as UTF-8 (slugs may be Chinese, a file name may
     * hold '%' or '#').
     */
    static String url(String baseUrl, String page) {
        String path = page.equals(INDEX) ? ""
                : page.endsWith("/" + INDEX) ? page.substring(0, page.length() - INDEX.length()) : page;
        StringBuilder out = new StringBuilder();
        percentEncode(out, baseUrl, "/:?#[]@!$&'()*+,;=%");
        percentEncode(out, path, "/");
        return out.toString().replace("&", "&amp;");
    }

    /** Appends {@code text}, keeping ASCII letters, digits, {@code -._~} and {@code keep}, encoding the rest. */
    private static void percentEncode(StringBuilder out, String text, String keep) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c < 0x80 && keep.indexOf(c) >= 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
    }
}
