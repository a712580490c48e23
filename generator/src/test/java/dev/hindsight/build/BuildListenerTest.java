package dev.hindsight.build;

import dev.hindsight.load.LoadSettings;
import dev.hindsight.site.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BuildListenerTest {
    private static final Path SAMPLE = Path.of("../sample-site/src/postmortems");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void everyPhaseStartsAndFinishesOnceInPipelineOrder(@TempDir Path out) {
        List<String> heard = new ArrayList<>();
        BuildResult result = SiteGeneration.run(new BuildRequest(SAMPLE, out.resolve("site"),
                new LoadSettings(ZONE, LoadSettings.DEFAULT_MAX_REPORT_BYTES),
                SiteSettings.defaults(LocalDate.of(2026, 11, 25), ZONE)), new BuildListener() {
            @Override
            public void phaseStarted(BuildPhase phase) {
                heard.add("start " + phase);
            }

            @Override
            public void phaseFinished(BuildPhase phase, long nanos) {
                assertThat(nanos).isPositive();
                heard.add("end " + phase);
            }
        });

        assertThat(result.hasErrors()).isFalse();
        List<String> expected = new ArrayList<>();
        for (BuildPhase phase : BuildPhase.pipeline()) { // no cache, so no cache phases
            expected.add("start " + phase);
            expected.add("end " + phase);
        }
        assertThat(heard).containsExactlyElementsOf(expected);
    }
}
