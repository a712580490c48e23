package dev.hindsight.check;

import java.util.Locale;
import java.util.Optional;

/** How a policy's findings count: not at all, as warnings, or as errors that fail the check. */
public enum PolicyLevel {
    OFF, WARNING, ERROR;

    public static Optional<PolicyLevel> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "off", "ignore", "none" -> Optional.of(OFF);
            case "warning", "warn" -> Optional.of(WARNING);
            case "error" -> Optional.of(ERROR);
            default -> Optional.empty();
        };
    }
}
