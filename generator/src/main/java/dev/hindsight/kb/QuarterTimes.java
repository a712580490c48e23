package dev.hindsight.kb;

import dev.hindsight.model.Severity;

/**
 * One response time of the incidents of one quarter (and one severity, or all).
 *
 * @param quarter  "2025-Q4", of the incidents' start
 * @param severity the severity summarised, {@code null} for all severities together
 * @param summary  median and p90 of the incidents that give the time
 */
public record QuarterTimes(String quarter, Severity severity, DurationSummary summary) {
}
