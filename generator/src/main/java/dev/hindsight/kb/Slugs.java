package dev.hindsight.kb;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns taxonomy names into path segments that are safe on every file system and in URLs: letters
 * (any script, so Chinese names stay readable) and digits kept, everything else folded to '-'.
 * Names that fold to the same slug get -2, -3 in the order they are assigned.
 */
public final class Slugs {
    /**
     * The longest slug, in code points, before any -2 suffix. A slug is a file name: 60 characters of
     * up to 4 UTF-8 bytes each, plus a suffix, stay below the 255-byte name limit of common file
     * systems, so a long tag cannot make the site impossible to write.
     */
    static final int MAX_CODE_POINTS = 60;
    private final Set<String> used = new HashSet<>();

    public Slugs() {
    }

    /** A slug maker that never hands out one of {@code taken} (compared case-insensitively). */
    public Slugs(Collection<String> taken) {
        taken.forEach(slug -> used.add(slug.toLowerCase(Locale.ROOT)));
    }

    /** The slug for {@code name}, or it with -2, -3... when already handed out. */
    public String assign(String name) {
        String base = slug(name);
        String candidate = base;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** The folded form of a name, before any -2 suffix. */
    public static String slug(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || c == '.' && out.length() > 0 || c == '_') {
                out.appendCodePoint(c);
                dash = false;
            } else if (!dash && out.length() > 0) {
                out.append('-');
                dash = true;
            }
        }
        String slug = withoutTrailingDashesOrDots(firstCodePoints(out.toString(), MAX_CODE_POINTS));
        return slug.isEmpty() ? "untitled" : slug;
    }

    private static String firstCodePoints(String text, int count) {
        return text.codePointCount(0, text.length()) <= count ? text : text.substring(0, text.offsetByCodePoints(0, count));
    }

    /** Trimmed by hand: the regular expression {@code [-.]+$} retries from every dot of a long run, quadratic. */
    private static String withoutTrailingDashesOrDots(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '.')) {
            end--;
        }
        return text.substring(0, end);
    }
}
