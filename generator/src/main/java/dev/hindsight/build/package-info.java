/**
 * The whole pipeline for one build request: load, knowledge base, site (and later search and exports).
 * The command line and the Maven plugin both call this and nothing deeper.
 */
package dev.hindsight.build;
