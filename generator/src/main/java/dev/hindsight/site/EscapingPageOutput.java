package dev.hindsight.site;

import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * jte's HTML output policy ({@link OwaspHtmlTemplateOutput}) over a {@link Utf8PageOutput}, which escapes the two
 * common cases itself: text in an element's body and plain attributes (class, id, title, data-*, datetime...). These
 * are escaped exactly as jte would; every other case is jte's own: script bodies, event handler attributes, and the
 * URL attributes it guards against {@code javascript:} links or drops ({@code iframe srcdoc}). The list in
 * {@link #isPlain} is jte 3.2.5's: a jte that guards more attributes needs them added there (and to the contexts of
 * EscapingPageOutputTest, which compares both outputs).
 */
final class EscapingPageOutput extends OwaspHtmlTemplateOutput {
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

    /**
     * Whether jte only escapes this attribute: not an event handler (on...) and none of the attributes it checks
     * first on some tag (href, src, action, formaction, srcdoc: a superset of its guarded tag-attribute pairs). Asked
     * for every attribute written, so it looks at the first letter before comparing names.
     */
    private static boolean isPlain(String attribute) {
        if (attribute.isEmpty()) {
            return true;
        }
        return switch (attribute.charAt(0)) {
            case 'o', 'O' -> !attribute.regionMatches(true, 0, "on", 0, 2);
            case 'h', 'H' -> !attribute.equalsIgnoreCase("href");
            case 's', 'S' -> !attribute.equalsIgnoreCase("src") && !attribute.equalsIgnoreCase("srcdoc");
            case 'a', 'A' -> !attribute.equalsIgnoreCase("action");
            case 'f', 'F' -> !attribute.equalsIgnoreCase("formaction");
            default -> true;
        };
    }
}
