package dev.hindsight.serve;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.site.HtmlText;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the preview shows instead of the site while the last build has errors: each error as
 * {@code file:line:column}, its message and its hint, escaped. The page reloads itself when a later build
 * succeeds, like the site's pages.
 */
final class DiagnosticsPage {
    private DiagnosticsPage() {
    }

    static byte[] html(List<Diagnostic> errors, int build) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Build errors · Hindsight preview</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(PreviewServer.OVERLAY_CSS).append("\">\n")
                .append("<script src=\"").append(PreviewServer.LIVE_SCRIPT).append("\" defer></script>\n")
                .append("</head>\n<body class=\"hindsight-overlay\">\n<main>\n<h1>")
                .append(errors.size() == 1 ? "1 error" : errors.size() + " errors")
                .append(" in the reports</h1>\n<p>Build ").append(build)
                .append(" left the reports with errors out. Fix them and save: this page reloads by itself.</p>\n<ol>\n");
        for (Diagnostic d : errors) {
            html.append("<li><p><code>").append(HtmlText.escape(d.path())).append(':').append(d.line()).append(':')
                    .append(d.column()).append("</code> <strong>").append(HtmlText.escape(d.message())).append("</strong> [")
                    .append(d.code().code()).append("]</p>\n");
            if (d.hint() != null) {
                html.append("<p class=\"hint\">").append(HtmlText.escape(d.hint())).append("</p>\n");
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
