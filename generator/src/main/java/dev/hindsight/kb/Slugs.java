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
        String slug = out.toString().replaceAll("[-.]+$", "");
        return slug.isEmpty() ? "untitled" : slug;
    }
}
