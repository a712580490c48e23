package dev.hindsight.kb;

import dev.hindsight.model.Severity;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The incidents that started in one month, by severity.
 *
 * @param month      the month of the incidents' start, in each incident's own offset
 * @param bySeverity every severity, zero included, in P0..P4 order
 */
public record MonthCount(YearMonth month, Map<Severity, Integer> bySeverity) {
    public MonthCount {
        EnumMap<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            all.put(severity, bySeverity.getOrDefault(severity, 0));
        }
        bySeverity = Collections.unmodifiableMap(all);
    }

    public int total() {
        return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }
}
