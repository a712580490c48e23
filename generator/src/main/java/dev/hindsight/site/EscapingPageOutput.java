package dev.hindsight.site;

import gg.jte.html.OwaspHtmlTemplateOutput;

import java.util.Locale;
import java.util.Set;

/**
 * jte's HTML output policy ({@link OwaspHtmlTemplateOutput}) over a {@link Utf8PageOutput}, which escapes the two
 * common cases itself: text in an element's body and plain attributes (class, id, title, data-*, datetime...). These
 * are escaped exactly as jte would; every other case is jte's own: script bodies, event handler attributes, and the
 * URL attributes it guards against {@code javascript:} links or drops ({@code iframe srcdoc}).
 */
final class EscapingPageOutput extends OwaspHtmlTemplateOutput {
    /** The attributes jte checks before escaping (any tag: a superset of its guarded tag-attribute pairs). */
    private static final Set<String> CHECKED_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "srcdoc");

    private final Utf8PageOutput out;
    private String tagName;
    private String attributeName;

    EscapingPageOutput(Utf8PageOutput out) {
        super(out);
        this.out = out;
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        super.setContext(tagName, attributeName);
        this.tagName = tagName;
        this.attributeName = attributeName;
    }

    @Override
    public void writeUserContent(String value) {
        if (value == null) {
            return;
        }
        if (tagName == null || attributeName == null) {
            if (!"script".equalsIgnoreCase(tagName)) {
                out.writeEscaped(value, false);
                return;
            }
        } else if (isPlain(attributeName)) {
            out.writeEscaped(value, true);
            return;
        }
        super.writeUserContent(value);
    }

    private static boolean isPlain(String attribute) {
        return !attribute.regionMatches(true, 0, "on", 0, 2)
                && !CHECKED_ATTRIBUTES.contains(attribute.toLowerCase(Locale.ROOT));
    }
}
