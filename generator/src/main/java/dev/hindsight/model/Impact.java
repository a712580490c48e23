package dev.hindsight.model;

/**
 * What the incident cost. Every field is {@code null} when the report does not say.
 *
 * @param scope               free text, e.g. "OTLP Collector, all instances"
 * @param users               number of affected users
 * @param dataLoss            free text, e.g. "none"
 * @param availability        percent available during the incident
 * @param sloBefore           period availability before the incident, percent
 * @param sloAfter            period availability after the incident, percent
 * @param errorBudgetConsumed percent of the period's error budget
 */
public record Impact(String scope, Long users, String dataLoss, Double availability, Double sloBefore,
                     Double sloAfter, Double errorBudgetConsumed) {
    /** An impact the report says nothing about. */
    public static final Impact UNKNOWN = new Impact(null, null, null, null, null, null, null);
}
