package dev.hindsight.site;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Resolves the relative links and images of report bodies: a link to another report's file becomes a
 * link to its page; a linked file inside the source directory is copied beside the page; a path that
 * escapes the source directory, a root-absolute path or a missing file is refused with a diagnostic
 * (the link keeps its text but loses its target, so the site has no broken links).
 */
final class LinkTargets {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /**
     * Files a browser opens as a document that can run script in the site's origin: HTML, XHTML, SVG,
     * XML (with XSLT or an XHTML namespace). Published beside the pages, one such file would let a
     * report author run code for every reader who follows the link, past the pages' content policy.
     */
    private static final Set<String> ACTIVE_EXTENSIONS = Set.of("html", "htm", "xhtml", "xht", "shtml", "svg", "svgz",
            "xml", "xsl", "xslt", "mht", "mhtml");

    private final Path sourceRoot;
    private final Map<String, String> incidentIdByReportPath;
    /** Site path → attachment; sorted so copying is in a stable order. */
    private final Map<String, Attachment> attachments = new ConcurrentSkipListMap<>();
    /** Incident id → the site paths of the files its page links to, for rebuilds that skip unchanged pages. */
    private final Map<String, Set<String>> attachmentsByIncident = new ConcurrentHashMap<>();

    /**
     * @param incidentIdByReportPath the loaded reports, by their path relative to the source directory
     */
    LinkTargets(Path sourceRoot, Map<String, String> incidentIdByReportPath) {
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
        this.incidentIdByReportPath = Map.copyOf(incidentIdByReportPath);
    }

    /** What a link's destination becomes on the page of the report at {@code reportPath}. */
    sealed interface Target permits Keep, Rewrite, Refuse {
    }

    /** Leave the destination as written (external, fragment, or a copied file beside the page). */
    record Keep() implements Target {
    }

    /** Use this destination instead. */
    record Rewrite(String destination) implements Target {
    }

    /** Drop the destination, keep the text. */
    record Refuse() implements Target {
    }

    /**
     * Whether a link to {@code destination} stays as written wherever the report is (empty, a fragment, a URL with a
     * scheme): {@link #resolve} keeps it without reading the source directory or knowing the other reports.
     */
    static boolean isContextFree(String destination) {
        String trimmed = destination.strip();
        // Schemes, including obfuscated ones ("java\tscript:"), are the URL sanitiser's business.
        return trimmed.isEmpty() || trimmed.startsWith("#") || SCHEME.matcher(trimmed).find()
                || SafeUrls.sanitize(trimmed).equals(SafeUrls.NEUTRALISED);
    }

    Target resolve(String destination, String reportPath, String incidentId, int line, Diagnostics diagnostics) {
        if (isContextFree(destination)) {
            return new Keep();
        }
        String trimmed = destination.strip();
        if (trimmed.startsWith("/") || trimmed.startsWith("\\")) {
            diagnostics.report(DiagnosticCode.ROOT_ABSOLUTE_LINK, line, 1, "the link '" + trimmed
                            + "' starts at the server root, which breaks when the site is not published at the root",
                    "write a path relative to the report file, e.g. ./images/graph.png");
            return new Refuse();
        }
        int cut = indexOfAny(trimmed, '?', '#');
        String pathPart = cut < 0 ? trimmed : trimmed.substring(0, cut);
        String suffix = cut < 0 ? "" : trimmed.substring(cut);
        String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path reportDir = sourceRoot.resolve(reportPath).getParent();
        Path target = reportDir.resolve(decoded).normalize();
        if (!target.startsWith(sourceRoot) || !insideAfterLinks(target)) {
            diagnostics.report(DiagnosticCode.LINK_OUTSIDE_SOURCE, line, 1, "the link '" + trimmed
                    + "' leads outside the source directory and is not published", "copy the file next to the report");
            return new Refuse();
        }
        String relative = sourceRoot.relativize(target).toString().replace('\\', '/');
        String linkedId = incidentIdByReportPath.get(relative);
        if (linkedId != null) {
            return new Rewrite(SitePaths.fromIncident(SitePaths.incident(linkedId)) + suffix);
        }
        if (!Files.isRegularFile(target)) {
            diagnostics.report(DiagnosticCode.LINKED_FILE_MISSING, line, 1, "the linked file '" + trimmed
                    + "' does not exist", "add the file beside the report, or fix the path");
            return new Refuse();
        }
        if (ACTIVE_EXTENSIONS.contains(extension(target))) {
            diagnostics.report(DiagnosticCode.ACTIVE_ATTACHMENT, line, 1, "the linked file '" + trimmed
                            + "' is a document a browser would run scripts in (." + extension(target)
                            + "), so it is not published",
                    "convert it to an image (PNG, JPEG) or a PDF, or link to where it is hosted");
            return new Refuse();
        }
        String besidePage = reportDir.relativize(target).toString().replace('\\', '/');
        if (!besidePage.startsWith("../")) {
            attach(incidentId, new Attachment(target, SitePaths.incidentDirectory(incidentId) + besidePage));
            return new Keep();
        }
        // Above the report's folder but inside the source: shared files go to one place in the site.
        String shared = "files/" + relative;
        attach(incidentId, new Attachment(target, shared));
        return new Rewrite(SitePaths.fromIncident(shared) + suffix);
    }

    private void attach(String incidentId, Attachment attachment) {
        attachments.putIfAbsent(attachment.sitePath(), attachment);
        attachmentsByIncident.computeIfAbsent(incidentId, id -> ConcurrentHashMap.newKeySet()).add(attachment.sitePath());
    }

    /** The files the pages rendered so far link to, by incident id. */
    Map<String, Set<Attachment>> attachmentsByIncident() {
        Map<String, Set<Attachment>> byIncident = new HashMap<>();
        attachmentsByIncident.forEach((id, paths) -> byIncident.put(id,
                Set.copyOf(paths.stream().map(attachments::get).toList())));
        return byIncident;
    }

    Optional<String> incidentId(String reportPath) {
        return Optional.ofNullable(incidentIdByReportPath.get(reportPath));
    }

    /** A symbolic link inside the source may still point outside it. */
    private boolean insideAfterLinks(Path target) {
        try {
            return !Files.exists(target) || target.toRealPath().startsWith(sourceRoot.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
