package dev.hindsight.build;

import dev.hindsight.load.LoadSettings;
import dev.hindsight.site.SiteSettings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a build needs, as the command line and the Maven plugin pass it in.
 *
 * @param source the directory of reports
 * @param output the site's directory (replaced as a whole on success)
 * @param load   how to read reports
 * @param site   how to render the site
 */
public record BuildRequest(Path source, Path output, LoadSettings load, SiteSettings site) {
    public BuildRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(site, "site");
    }
}
