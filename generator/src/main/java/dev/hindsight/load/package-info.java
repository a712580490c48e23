/**
 * Loading: reads the report files of a source directory (YAML front matter and the seed template's
 * Markdown) into the incident model, with diagnostics for everything wrong. Depends only on
 * {@code model} and {@code diagnostic}; never on the knowledge base or any output.
 */
package dev.hindsight.load;
