package dev.hindsight.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The level of each policy. Defaults are warnings, so a team's everyday build does not break on old
 * overdue items; {@code overdue-urgent=error} is the usual stricter setting.
 */
public record PolicySettings(Map<Policy, PolicyLevel> levels) {
    public PolicySettings {
        EnumMap<Policy, PolicyLevel> all = new EnumMap<>(Policy.class);
        for (Policy policy : Policy.values()) {
            all.put(policy, PolicyLevel.WARNING);
        }
        all.putAll(levels);
        levels = Collections.unmodifiableMap(all);
    }

    public static PolicySettings defaults() {
        return new PolicySettings(Map.of());
    }

    public PolicyLevel level(Policy policy) {
        return levels.get(policy);
    }

    /** A problem with a {@code name=level} setting, worded for the user. */
    public static final class InvalidSetting extends Exception {
        InvalidSetting(String message) {
            super(message);
        }
    }

    /** Reads settings such as {@code overdue-urgent=error} or {@code late-draft=off}. */
    public static PolicySettings parse(List<String> settings) throws InvalidSetting {
        Map<Policy, PolicyLevel> levels = new EnumMap<>(Policy.class);
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq < 0) {
                throw new InvalidSetting("'" + setting + "' is not name=level (e.g. overdue-urgent=error)");
            }
            Policy policy = Policy.byKey(setting.substring(0, eq)).orElseThrow(() -> new InvalidSetting(
                    "unknown policy '" + setting.substring(0, eq) + "'; policies: " + String.join(", ", Policy.keys())));
            PolicyLevel level = PolicyLevel.parse(setting.substring(eq + 1)).orElseThrow(() -> new InvalidSetting(
                    "unknown level '" + setting.substring(eq + 1) + "'; levels: off, warning, error"));
            levels.put(policy, level);
        }
        return new PolicySettings(levels);
    }
}
