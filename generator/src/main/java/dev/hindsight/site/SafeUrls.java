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
    /** Printable ASCII that is no URL code point (WHATWG URL), bar '#', '%', '[', ']' and the backslash. */
    private static final String INVALID_IN_URL = "\"<>`{}|^";

    /** The URL if it is safe to link to, else "#". */
    public static String sanitize(String url) {
        if (url == null) {
            return NEUTRALISED;
        }
        // Browsers ignore control characters and white space inside a scheme; so must the check.
        StringBuilder compact = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) { // a surrogate is above 0x20, so chars do as code points would
            char c = url.charAt(i);
            if (c > 0x20 && c != 0x7F) {
                compact.append(c);
            }
        }
        Matcher scheme = SCHEME.matcher(compact);
        if (scheme.find()) {
            return ALLOWED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT)) ? encodeInvalid(url.strip())
                    : NEUTRALISED;
        }
        // No scheme before the first '/', '?' or '#': a relative reference. A ':' later is harmless.
        return url.strip();
    }

    /**
     * The absolute URL with the characters a URL may not contain (space, quotes, angle brackets and the
     * like, and a '%' that starts no escape) percent-encoded, and tabs and line breaks dropped: what a
     * browser does to such a link anyway, done here so that the page itself is valid HTML. Existing
     * escapes are kept, so encoding twice changes nothing. Relative links are left alone: they name
     * files of the site, which are looked up by their literal path.
     */
    private static String encodeInvalid(String url) {
        StringBuilder encoded = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            boolean escape = c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)));
            if (escape || c <= 0x20 || c == 0x7F || INVALID_IN_URL.indexOf(c) >= 0) {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
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
