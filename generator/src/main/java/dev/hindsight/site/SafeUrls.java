package dev.hindsight.site;

import org.commonmark.renderer.html.UrlSanitizer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which link targets a page may carry: web and mail links and relative paths. Everything else
 * (javascript:, vbscript:, data:, file:, and obfuscations such as "java\tscript:") becomes "#", so a
 * report author can never make a reader's browser run anything.
 */
public final class SafeUrls implements UrlSanitizer {
    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    public static final String NEUTRALISED = "#";

    /** The URL if it is safe to link to, else "#". */
    public static String sanitize(String url) {
        if (url == null) {
            return NEUTRALISED;
        }
        // Browsers ignore control characters and white space inside a scheme; so must the check.
        StringBuilder compact = new StringBuilder(url.length());
        url.codePoints().filter(c -> c > 0x20 && c != 0x7F).forEach(compact::appendCodePoint);
        Matcher scheme = SCHEME.matcher(compact);
        if (scheme.find()) {
            return ALLOWED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT)) ? url.strip() : NEUTRALISED;
        }
        // No scheme before the first '/', '?' or '#': a relative reference. A ':' later is harmless.
        return url.strip();
    }

    @Override
    public String sanitizeLinkUrl(String url) {
        return sanitize(url);
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return sanitize(url);
    }
}
