package dev.hindsight.site.page;

import java.util.List;

/**
 * What every page's frame needs.
 *
 * @param lang       the {@code <html lang>} value
 * @param siteTitle  the site's title
 * @param pageTitle  this page's title (the {@code <title>} is "page · site")
 * @param bodyClass  {@code page-home}, {@code page-incident}, ...
 * @param root       the relative prefix back to the site root, e.g. "../../"
 * @param stylesheet the stylesheet's URL from this page
 * @param script     the script's URL from this page
 * @param icon       the icon's URL from this page
 * @param feed       the Atom feed's URL from this page, for the head's feed discovery link
 * @param nav        the main navigation
 * @param footer     the footer line
 */
public record Layout(String lang, String siteTitle, String pageTitle, String bodyClass, String root,
                     String stylesheet, String script, String icon, String feed, List<NavLink> nav,
                     String footer) {
    public Layout {
        nav = List.copyOf(nav);
    }

    /** A navigation entry; {@code current} marks the section this page belongs to. */
    public record NavLink(String label, String href, boolean current) {
    }
}
