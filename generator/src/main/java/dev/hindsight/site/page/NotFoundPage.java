package dev.hindsight.site.page;

/** The page a web server shows for a missing path. */
public record NotFoundPage(Layout layout, String homeHref) {
}
