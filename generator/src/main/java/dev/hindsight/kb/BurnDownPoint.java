package dev.hindsight.kb;

import java.time.LocalDate;

/**
 * Open action items on one date: items of incidents started by then, not yet completed by then.
 * Cancelled items carry no date, so they are left out of the chart altogether.
 */
public record BurnDownPoint(LocalDate date, int open) {
}
