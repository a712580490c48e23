/**
 * Search: a Lucene index of the knowledge base (one document per incident), queries from the terminal,
 * related incidents, and the analysis both Lucene and the browser engine share. Depends on {@code kb}
 * and {@code model}; never on pages.
 */
package dev.hindsight.search;
