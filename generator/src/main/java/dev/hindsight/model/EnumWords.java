package dev.hindsight.model;

import java.util.Locale;
import java.util.Optional;

/** How report authors may spell enum values: any case, with '-', '_' or spaces between words. */
final class EnumWords {
    private EnumWords() {
    }

    /** {@code "In progress"}, {@code in_progress}, {@code InProgress} all become {@code inprogress}. */
    static String squash(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The value whose name squashes to the same word as {@code text}. */
    static <E extends Enum<E>> Optional<E> parse(E[] values, String text) {
        String wanted = squash(text);
        for (E value : values) {
            if (squash(value.name()).equals(wanted)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The spelling used in reports and outputs: {@code IN_PROGRESS} becomes {@code in-progress}. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
