package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.LastUpdated;
import dev.hindsight.model.Incident;
import dev.hindsight.site.SitePaths;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code feed.xml}: an RFC 4287 Atom feed with one entry per incident, newest first, so that feed readers
 * and chat integrations hear about new and revised post-mortems. Every date comes from the reports
 * ({@link LastUpdated}), never from the clock, so the same reports give the same bytes and readers only
 * see an entry as changed when its report changed. See docs/exports.md.
 */
final class AtomFeed implements StreamedExport {
    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    /** RFC 3339 with seconds always present, as Atom's date constructs require. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    @Override
    public String fileName() {
        return SitePaths.FEED;
    }

    @Override
    public void write(KnowledgeBase kb, ExportContext context, OutputStream out) throws IOException {
        TextStream.write(writer -> feed(kb, context, writer), out);
    }

    private static void feed(KnowledgeBase kb, ExportContext context, Writer out) throws IOException {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<feed xmlns=\"").append(NAMESPACE).append("\" xml:lang=\"")
                .append(XmlText.escape(context.locale().toLanguageTag())).append("\">\n");
        element(xml, "  ", "id", feedId(context));
        element(xml, "  ", "title", context.siteTitle());
        element(xml, "  ", "updated", TIMESTAMP.format(updated(kb)));
        // A feed-level author covers every entry whose report names no owner, as RFC 4287 requires.
        xml.append("  <author>\n");
        element(xml, "    ", "name", context.siteTitle());
        xml.append("  </author>\n");
        link(xml, "  ", "alternate", "text/html", href(context, SitePaths.HOME));
        link(xml, "  ", "self", "application/atom+xml", href(context, SitePaths.FEED));
        element(xml, "  ", "generator", "Hindsight");
        for (Incident incident : kb.incidents()) {
            entry(xml, incident, context);
            TextStream.passOn(xml, out);
        }
        xml.append("</feed>\n");
        TextStream.passOnAll(xml, out);
    }

    private static void entry(StringBuilder xml, Incident incident, ExportContext context) {
        String page = ExportContext.incidentPage(incident);
        String indent = "    ";
        xml.append("  <entry>\n");
        element(xml, indent, "id", entryId(incident, context));
        element(xml, indent, "title", incident.title().startsWith(incident.id()) ? incident.title()
                : incident.id() + ": " + incident.title());
        element(xml, indent, "updated", TIMESTAMP.format(LastUpdated.of(incident)));
        element(xml, indent, "published", TIMESTAMP.format(incident.times().started()));
        if (incident.owner() != null && !incident.owner().isBlank()) {
            xml.append(indent).append("<author>\n");
            element(xml, indent + "  ", "name", incident.owner());
            xml.append(indent).append("</author>\n");
        }
        link(xml, indent, "alternate", "text/html", href(context, page));
        if (incident.summary() != null && !incident.summary().isBlank()) {
            xml.append(indent).append("<summary type=\"text\">").append(XmlText.escape(incident.summary()))
                    .append("</summary>\n");
        }
        Set<String> terms = new LinkedHashSet<>();
        terms.add(incident.severity().name());
        terms.addAll(incident.services());
        terms.addAll(incident.tags());
        for (String term : terms) {
            xml.append(indent).append("<category term=\"").append(XmlText.escape(term)).append("\"/>\n");
        }
        xml.append("  </entry>\n");
    }

    /** The latest entry's update, or the as-of date's midnight (UTC) for a feed without entries. */
    static OffsetDateTime updated(KnowledgeBase kb) {
        OffsetDateTime latest = null;
        for (Incident incident : kb.incidents()) {
            OffsetDateTime updated = LastUpdated.of(incident);
            if (latest == null || updated.isAfter(latest)) {
                latest = updated;
            }
        }
        return latest != null ? latest : kb.asOf().atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The feed's own URL with a base URL; without one, a UUID named after the site's title. */
    private static String feedId(ExportContext context) {
        String url = context.absolute(SitePaths.FEED);
        return url != null ? url : nameBasedUrn("hindsight/feed/" + context.siteTitle());
    }

    /**
     * The incident page's URL with a base URL; without one, a UUID named after the incident id, which
     * stays the same in every build and wherever the site is later served.
     */
    static String entryId(Incident incident, ExportContext context) {
        String url = context.absolute(ExportContext.incidentPage(incident));
        return url != null ? url : nameBasedUrn("hindsight/incident/" + incident.id());
    }

    private static String nameBasedUrn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Absolute from the base URL when known, else relative to the site root, where the feed itself is. */
    private static String href(ExportContext context, String sitePath) {
        String url = context.absolute(sitePath);
        return url != null ? url : sitePath;
    }

    private static void element(StringBuilder xml, String indent, String name, String text) {
        xml.append(indent).append('<').append(name).append('>').append(XmlText.escape(text))
                .append("</").append(name).append(">\n");
    }

    private static void link(StringBuilder xml, String indent, String rel, String type, String href) {
        xml.append(indent).append("<link rel=\"").append(rel).append("\" type=\"").append(type)
                .append("\" href=\"").append(XmlText.escape(href)).append("\"/>\n");
    }
}
