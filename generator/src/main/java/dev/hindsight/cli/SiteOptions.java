package dev.hindsight.cli;

import dev.hindsight.site.SiteLanguage;
import dev.hindsight.site.SiteSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How the site looks: the options {@code build} and {@code serve} share, spelled the same in both. */
final class SiteOptions {
    @Option(names = "--locale", paramLabel = "LOCALE", description = "UI language: en or zh-CN. Default: en.")
    String locale = "en";

    @Option(names = "--title", paramLabel = "TITLE", description = "The site's title. Default: ${DEFAULT-VALUE}.")
    String title = "Post-mortems";

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates that override the built-in ones of the same name (needs a JDK).")
    Path templates;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The site's absolute URL, for the few links that must be absolute (feed, sitemap).")
    String baseUrl;

    @Option(names = "--edit-url", paramLabel = "PATTERN",
            description = "Where a report can be edited; {path} is its path in the source directory, e.g. "
                    + "https://git.example.com/sre/postmortems/edit/main/{path}")
    String editUrl;

    @Option(names = "--allow-raw-html", description = "Render raw HTML in reports instead of escaping it.")
    boolean allowRawHtml;

    /** The settings, or empty when the locale is not one Hindsight writes. */
    Optional<SiteSettings> settings(SourceOptions source) {
        Optional<Locale> language = SiteLanguage.parse(locale);
        return language.map(l -> new SiteSettings(title, l, source.asOf(), source.zone(), baseUrl, editUrl,
                allowRawHtml, templates));
    }
}
