package dev.hindsight.model;

import java.util.List;

/**
 * Why the incident happened.
 *
 * @param rootCause           the root cause in one statement, {@code null} when not stated
 * @param trigger             what set it off (e.g. "config change"), {@code null} when not stated
 * @param directCause         the direct cause paragraph, {@code null} when absent
 * @param whys                the 5 Whys chain in order
 * @param contributingFactors what made it worse or more likely
 */
public record RootCauseAnalysis(String rootCause, String trigger, String directCause, List<WhyStep> whys,
                                List<String> contributingFactors) {
    public RootCauseAnalysis {
        whys = List.copyOf(whys);
        contributingFactors = List.copyOf(contributingFactors);
    }
}
