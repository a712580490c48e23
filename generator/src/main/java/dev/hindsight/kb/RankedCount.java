package dev.hindsight.kb;

/**
 * A name and how many incidents have it (a service, a tag, a contributing factor).
 *
 * @param name  as first written in the reports
 * @param count incidents, each counted once
 */
public record RankedCount(String name, int count) {
}
