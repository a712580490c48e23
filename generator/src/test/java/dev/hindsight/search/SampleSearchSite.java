package dev.hindsight.search;

import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.SiteGeneration;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.site.SiteSettings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/** The sample site as the whole suite builds it (English, as of 2026-11-25 in Asia/Shanghai). */
final class SampleSearchSite {
    static final Path SAMPLE = Path.of("../sample-site/src/postmortems");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SampleSearchSite() {
    }

    /** Builds the sample site into {@code out}; fails when the build does. */
    static Path build(Path out) {
        BuildResult result = SiteGeneration.run(new BuildRequest(SAMPLE, out,
                new LoadSettings(ZONE, LoadSettings.DEFAULT_MAX_REPORT_BYTES), SiteSettings.defaults(AS_OF, ZONE)));
        if (!result.site().written()) {
            throw new AssertionError("the sample site was not built: " + result.diagnostics());
        }
        return out;
    }
}
