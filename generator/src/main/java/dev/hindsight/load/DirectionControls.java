package dev.hindsight.load;

/**
 * The Unicode controls that change the direction of the text after them: embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069). In a title or a tag one of them, left open, reverses
 * what a page shows next to it ("Payment \u202Egnp.exe" reads "Payment exe.png"), and a page cannot
 * close it everywhere the text goes (the browser tab's title, the search results the script builds,
 * a feed reader). The marks U+200E and U+200F only hint a direction and are kept.
 */
final class DirectionControls {
    private DirectionControls() {
    }

    static boolean isControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    static boolean contains(String text) {
        return text != null && text.codePoints().anyMatch(DirectionControls::isControl);
    }

    /** {@code text} without them; {@code null} stays {@code null}. */
    static String removed(String text) {
        if (!contains(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isControl(c)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
