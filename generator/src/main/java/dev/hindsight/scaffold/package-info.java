/**
 * Scaffolding: writes a new report from the team's template (front matter or the seed's own form, English
 * or Chinese) with the next free incident id, for the command line's and the Maven plugin's {@code new}.
 * Depends on {@code model} only; it reads the source directory's file names and texts, never loads reports.
 */
package dev.hindsight.scaffold;
