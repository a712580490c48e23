/**
 * The build cache's file format: compact binary files that one build leaves for the next process (varints, a
 * table of repeated strings, a checksum). Knows nothing of reports or sites; the stages that persist their state
 * ({@code load}, {@code search}, {@code site}, {@code build}) say what goes in.
 */
package dev.hindsight.cache;
