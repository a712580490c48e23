/**
 * Machine-readable outputs of the model and the knowledge base (JSON, CSV, iCalendar, the tracking
 * report, the Atom feed, robots.txt), each a small class behind {@link dev.hindsight.export.Export} and
 * listed in {@link dev.hindsight.export.Exports}. Depends on {@code model}, {@code kb}, {@code diagnostic}
 * and the site's page paths ({@code SitePaths}) only; never on loading internals or page rendering.
 */
package dev.hindsight.export;
