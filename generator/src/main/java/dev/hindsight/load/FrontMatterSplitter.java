package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;

import java.util.Optional;

/** Splits a report into its YAML front matter (if it starts with a {@code ---} line) and its body. */
final class FrontMatterSplitter {
    private FrontMatterSplitter() {
    }

    /**
     * A report cut in two.
     *
     * @param yaml     the front matter's text, {@code null} when the report has none
     * @param yamlLine the file line of the YAML's first line
     * @param body     the Markdown body
     * @param bodyLine the file line of the body's first line
     */
    record Parts(String yaml, int yamlLine, String body, int bodyLine) {
        boolean hasFrontMatter() {
            return yaml != null;
        }
    }

    /** Empty (with HS110) when a front matter is opened but never closed. */
    static Optional<Parts> split(String text, Diagnostics diagnostics) {
        int firstEnd = lineEnd(text, 0);
        if (!isFence(text, 0, firstEnd, "---")) {
            return Optional.of(new Parts(null, 0, text, 1));
        }
        int line = 2;
        int start = Math.min(firstEnd + 1, text.length());
        int pos = start;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            if (isFence(text, pos, end, "---") || isFence(text, pos, end, "...")) {
                int bodyStart = Math.min(end + 1, text.length());
                return Optional.of(new Parts(text.substring(start, pos), 2, text.substring(bodyStart), line + 1));
            }
            pos = end + 1;
            line++;
        }
        diagnostics.report(DiagnosticCode.UNCLOSED_FRONT_MATTER, 1, 1,
                "the front matter opened on line 1 is never closed",
                "add a line with only '---' after the last YAML line");
        return Optional.empty();
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** A fence line: exactly the marker, trailing spaces allowed. */
    private static boolean isFence(String text, int start, int end, String marker) {
        return text.startsWith(marker, start) && text.substring(start + marker.length(), end).isBlank();
    }
}
