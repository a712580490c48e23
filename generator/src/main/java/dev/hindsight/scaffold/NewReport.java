package dev.hindsight.scaffold;

import dev.hindsight.model.ReportStyle;
import dev.hindsight.model.Severity;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a writer says about a new incident before writing it up.
 *
 * @param title    the report's title, one line
 * @param severity P0–P4
 * @param services affected services, possibly none
 * @param owner    the report's owner, {@code null} when not given
 * @param started  when the incident started, with the offset it happened in
 * @param style    front matter (the canonical form) or the seed template's own form
 * @param language the template's language: English or Chinese
 */
public record NewReport(String title, Severity severity, List<String> services, String owner,
                        OffsetDateTime started, ReportStyle style, Locale language) {
    public NewReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(language, "language");
        services = List.copyOf(services);
    }

    /** "checkout, payments-api" as the list the option means: blanks and empty entries dropped, none for null. */
    public static List<String> commaSeparated(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the template is the Chinese one. */
    boolean chinese() {
        return language.getLanguage().equals("zh");
    }
}
