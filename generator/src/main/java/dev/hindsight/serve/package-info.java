/**
 * The preview server for writers: builds the site, serves it on 127.0.0.1, watches the reports and templates,
 * rebuilds on change and tells open pages to reload; answers search from the Lucene index. Depends on
 * {@code build}, {@code site}, {@code search} and {@code diagnostic}; nothing depends on it but the adapters.
 */
package dev.hindsight.serve;
