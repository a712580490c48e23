/**
 * Diagnostics as data: what is wrong with the input, where, and how to fix it. Every stage adds to a
 * {@link dev.hindsight.diagnostic.Diagnostics} collector; nothing here prints. Depends on the JDK only.
 */
package dev.hindsight.diagnostic;
