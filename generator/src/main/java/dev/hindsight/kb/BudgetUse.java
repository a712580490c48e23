package dev.hindsight.kb;

import dev.hindsight.model.Incident;

/**
 * How much of its period's error budget one incident consumed.
 *
 * @param incident the incident
 * @param percent  the report's {@code error_budget_consumed}, in percent of the budget
 */
public record BudgetUse(Incident incident, double percent) {
}
