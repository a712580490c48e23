/**
 * The knowledge base: everything derived from the loaded incidents as a whole (taxonomies, lessons
 * by tag, neighbours by date, action counts). Depends on {@code model} only; knows nothing of pages.
 */
package dev.hindsight.kb;
