package dev.hindsight.kb;

import dev.hindsight.model.IncidentTimes;

import java.time.Duration;
import java.util.Optional;

/** The three response times the metrics follow, each counted from the incident's start. */
public enum TimeMeasure {
    /** Time to detect: started → detected. */
    DETECT,
    /** Time to mitigate: started → mitigated. */
    MITIGATE,
    /** Time to resolve: started → resolved. */
    RESOLVE;

    /** This measure of one incident; empty when the report does not give the time it needs. */
    public Optional<Duration> of(IncidentTimes times) {
        return switch (this) {
            case DETECT -> times.timeToDetect();
            case MITIGATE -> times.timeToMitigate();
            case RESOLVE -> times.timeToResolve();
        };
    }
}
