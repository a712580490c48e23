/**
 * The command line: parses options and calls the generator's stages. No knowledge-base logic lives
 * here; what a command computes, a stage computes, so the Maven plugin can call it too.
 */
package dev.hindsight.cli;
