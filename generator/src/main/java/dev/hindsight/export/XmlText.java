package dev.hindsight.export;

/**
 * Report text made safe for an XML 1.0 document, as element content or a double-quoted attribute value.
 * Characters XML 1.0 forbids outright (control characters other than TAB, LF and CR, unpaired surrogates,
 * U+FFFE and U+FFFF) cannot be written even as references, so they are dropped: a feed that a reader
 * rejects as malformed would hide every incident, not just the one with odd text.
 */
final class XmlText {
    private XmlText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                // A parser turns a literal CR into LF; a reference keeps it as written.
                case '\r' -> out.append("&#13;");
                default -> {
                    if (allowed(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** XML 1.0's Char production; a lone surrogate arrives here as a code point in D800–DFFF and is excluded. */
    static boolean allowed(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
