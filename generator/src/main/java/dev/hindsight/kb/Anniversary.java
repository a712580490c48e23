package dev.hindsight.kb;

import dev.hindsight.model.Incident;

import java.time.LocalDate;

/**
 * The day an incident comes round again in a later year.
 *
 * @param incident the incident
 * @param date     its start date (in its own offset) in the anniversary's year; an incident of 29 February
 *                 has its anniversary on 28 February in years without one
 * @param yearsAgo how many years before {@code date} the incident started, at least 1
 */
public record Anniversary(Incident incident, LocalDate date, int yearsAgo) {
}
