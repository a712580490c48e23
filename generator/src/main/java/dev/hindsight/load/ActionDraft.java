package dev.hindsight.load;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Priority;
import dev.hindsight.model.Term;

import java.time.LocalDate;

/**
 * An action item as written, before the report's defaults are applied (owner, due date, id).
 * Any field but {@code description} may be {@code null}.
 */
record ActionDraft(String id, String description, Priority priority, String owner, LocalDate due,
                   ActionStatus status, LocalDate completed, Term term, String link, int line, int column) {
}
