package dev.hindsight.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How bad an incident was: P0 is the worst, P4 the mildest. */
public enum Severity {
    P0, P1, P2, P3, P4;

    // "P1", "p1", "SEV1", "Sev 1", "P1 (严重)", "SEV-1 critical": the level digit is what counts.
    private static final Pattern LEVEL = Pattern.compile("^(?:p|sev)[\\s-]*([0-4])(?![0-9])");

    /** Reads a severity as authors write it; empty when it names no level P0–P4. */
    public static Optional<Severity> parse(String text) {
        Matcher m = LEVEL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(values()[m.group(1).charAt(0) - '0']);
    }

    /** The level as a number, 0 for P0. */
    public int level() {
        return ordinal();
    }
}
