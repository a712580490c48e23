package dev.hindsight.site.page;

import gg.jte.TemplateOutput;

/**
 * Writes a table row's HTML into a page: as the theme's row template renders it, or the bytes it rendered for an
 * earlier page that lists the same row.
 *
 * @param <R> the row model
 */
@FunctionalInterface
public interface RowWriter<R> {
    void write(R row, TemplateOutput output);
}
