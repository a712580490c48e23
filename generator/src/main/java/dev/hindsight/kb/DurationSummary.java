package dev.hindsight.kb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The median and 90th percentile of some durations. The median of an even count is the mean of the two
 * middle values; the 90th percentile is the nearest rank (the ⌈0.9·n⌉-th smallest), so it is always a
 * duration that really happened.
 *
 * @param count  how many durations, at least one
 * @param median the middle duration
 * @param p90    the duration that 90% of them do not exceed
 */
public record DurationSummary(int count, Duration median, Duration p90) {
    /** The summary of {@code durations}, which must not be empty. */
    public static DurationSummary of(Collection<Duration> durations) {
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one duration");
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        int rank = (int) Math.ceil(0.9 * n);
        return new DurationSummary(n, median, sorted.get(rank - 1));
    }
}
