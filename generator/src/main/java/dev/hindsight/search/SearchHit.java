package dev.hindsight.search;

/**
 * One result.
 *
 * @param id       the incident id
 * @param title    its title
 * @param score    Lucene's score
 * @param severity P0..P4
 * @param started  the start, ISO-8601
 * @param snippet  a short passage with the matched terms between « and », {@code null} when none
 * @param doc      the index's document number, which the static search data numbers the same way
 */
public record SearchHit(String id, String title, float score, String severity, String started, String snippet,
                        int doc) {
}
