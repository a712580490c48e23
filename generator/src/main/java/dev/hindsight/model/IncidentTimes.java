package dev.hindsight.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When an incident started, was detected, mitigated and resolved. Only {@code started} is required;
 * the others are {@code null} when the report does not say. The loader guarantees none is before
 * {@code started}.
 */
public record IncidentTimes(OffsetDateTime started, OffsetDateTime detected, OffsetDateTime mitigated,
                            OffsetDateTime resolved) {
    public IncidentTimes {
        Objects.requireNonNull(started, "started");
    }

    /** Time to detect: detected − started. */
    public Optional<Duration> timeToDetect() {
        return since(detected);
    }

    /** Time to mitigate: mitigated − started. */
    public Optional<Duration> timeToMitigate() {
        return since(mitigated);
    }

    /** Time to resolve, i.e. the incident's duration: resolved − started. */
    public Optional<Duration> timeToResolve() {
        return since(resolved);
    }

    private Optional<Duration> since(OffsetDateTime later) {
        return Optional.ofNullable(later).map(t -> Duration.between(started, t));
    }
}
