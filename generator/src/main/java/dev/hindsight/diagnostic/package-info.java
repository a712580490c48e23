/**
 * Diagnostics as data: what is wrong with the input, where, and how to fix it. Every stage adds to a
 * {@link dev.hindsight.diagnostic.Diagnostics} collector; nothing here prints. Depends on the JDK and
 * the cache file format only (a rebuild in another process takes the diagnostics of unchanged reports and pages
 * from the build cache).
 */
package dev.hindsight.diagnostic;
