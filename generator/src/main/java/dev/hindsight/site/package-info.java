/**
 * The HTML site: page models built from the knowledge base, rendered by jte templates (precompiled for
 * the default theme), Markdown bodies rendered safely, written atomically. Depends on {@code kb},
 * {@code model} and {@code diagnostic}; never on loading internals.
 */
package dev.hindsight.site;
