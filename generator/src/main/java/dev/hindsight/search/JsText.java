package dev.hindsight.search;

/**
 * JSON literals for the generated data scripts: strings escaped so that any text, even a lone surrogate,
 * survives UTF-8 and the JavaScript parser unchanged.
 */
final class JsText {
    private JsText() {
    }

    static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    // U+2028 and U+2029 end lines in older JavaScript parsers; '<' keeps "</script>" inert.
                    if (c < 0x20 || c == 0x7f || c == '<' || c == '\u2028' || c == '\u2029' || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    static String string(String text) {
        return string(new StringBuilder(), text).toString();
    }
}
