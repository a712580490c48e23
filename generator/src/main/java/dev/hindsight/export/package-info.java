/**
 * Machine-readable outputs of the model (JSON now; CSV, iCalendar and feeds later), each a small class.
 * Depends on {@code model} and {@code diagnostic}; never on loading internals.
 */
package dev.hindsight.export;
