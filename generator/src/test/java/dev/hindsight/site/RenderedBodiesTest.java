package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import dev.hindsight.model.ReportSource;
import dev.hindsight.site.page.BodyHtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body rendered while its report loads, from the loader's tree, must be the HTML its page renders from a parse of
 * its own, whether it waited in the heap or in a spill directory; one whose links need the other reports or the source directory must be left to its page.
 */
class RenderedBodiesTest {
    @TempDir
    Path scratch;

    @ParameterizedTest
    @CsvSource({
            "../sample-site/src/postmortems, false, false", "../sample-site/src/postmortems, true, false",
            "../sample-site/src/postmortems, false, true",
            "src/test/resources/reports/hostile, false, false", "src/test/resources/reports/hostile, true, true",
            "src/test/resources/reports/xss, false, false", "src/test/resources/reports/xss, true, false",
            "src/test/resources/reports/edge, false, false",
            "src/test/resources/reports/attachments, false, true", "src/test/resources/reports/mixed, false, false",
            "src/test/resources/reports/browser-xss, true, false"})
    void bodiesRenderedWhileLoadingAreWhatTheirPagesRender(String directory, boolean allowRawHtml, boolean spilled) {
        Path source = Path.of(directory);
        SiteSettings settings = new SiteSettings("t", java.util.Locale.ENGLISH, BuiltSite.AS_OF, BuiltSite.ZONE, null,
                null, allowRawHtml, null);
        try (SpillDirectory spill = spilled ? SpillDirectory.beside(scratch.resolve("site")) : null) {
            compare(source, allowRawHtml, spilled ? RenderedBodies.spilledInto(settings, spill)
                    : RenderedBodies.of(settings));
        }
    }

    private static void compare(Path source, boolean allowRawHtml, RenderedBodies rendered) {
        LoadResult load = new ReportLoader(BuiltSite.LOAD, null, rendered::parsed).load(source);
        Map<String, String> ids = new LinkedHashMap<>();
        load.incidents().forEach(i -> ids.put(i.source().path(), i.id()));
        LinkTargets links = new LinkTargets(source, ids);
        BodyRenderer pages = new BodyRenderer(allowRawHtml);
        int taken = 0;
        int local = 0;
        for (Incident incident : load.incidents()) {
            BodyHtml early = rendered.take(incident);
            Diagnostics found = new Diagnostics(incident.source().path());
            String onItsPage = pages.render(incident, links, found);
            if (early == null) {
                local++;
                assertThat(incident.source().markdown()).as(incident.source().path()).containsPattern("\\]\\((?![a-zA-Z]+:|#)");
            } else {
                taken++;
                assertThat(early.text()).as(incident.source().path()).isEqualTo(onItsPage);
                assertThat(found.list()).isEmpty();
                assertThat(rendered.take(incident)).as("taken once").isNull();
            }
        }
        assertThat(taken).as("bodies rendered while loading").isPositive();
        assertThat(taken + local).isEqualTo(load.incidents().size());
    }

    @Test
    void aBodyChangedSinceItWasRenderedIsLeftToItsPage() {
        RenderedBodies rendered = RenderedBodies.of(BuiltSite.settings());
        Incident loaded = new ReportLoader(BuiltSite.LOAD, null, rendered::parsed).load(BuiltSite.SAMPLE).incidents()
                .get(0);
        ReportSource source = loaded.source();
        Incident edited = loaded.withSource(new ReportSource(source.path(), source.style(),
                source.markdown() + "\nOne more line.\n", source.bodyLine(), source.outline()));
        assertThat(rendered.take(edited)).isNull();
        assertThat(rendered.take(loaded)).as("let go of with the edited one").isNull();
        RenderedBodies again = RenderedBodies.of(BuiltSite.settings());
        Incident unedited = new ReportLoader(BuiltSite.LOAD, null, again::parsed).load(BuiltSite.SAMPLE).incidents()
                .get(0);
        assertThat(again.take(unedited)).as("the same report, not edited").isNotNull();
    }

    @Test
    void bodiesPastTheHeapBudgetAreLeftToTheirPages() {
        RenderedBodies none = RenderedBodies.inHeap(BuiltSite.settings(), 0);
        RenderedBodies all = RenderedBodies.inHeap(BuiltSite.settings(), Long.MAX_VALUE);
        List<Incident> loaded = new ReportLoader(BuiltSite.LOAD, null, none::parsed).load(BuiltSite.SAMPLE).incidents();
        List<Incident> again = new ReportLoader(BuiltSite.LOAD, null, all::parsed).load(BuiltSite.SAMPLE).incidents();
        assertThat(loaded).allSatisfy(incident -> assertThat(none.take(incident)).isNull());
        assertThat(again).filteredOn(incident -> all.take(incident) != null).isNotEmpty();
    }

    @Test
    void bodiesRenderedForAnotherRawHtmlSettingAreNotUsed() {
        SiteSettings escaping = BuiltSite.settings();
        SiteSettings raw = new SiteSettings(escaping.title(), escaping.locale(), escaping.asOf(), escaping.zone(),
                null, null, true, null);
        assertThat(RenderedBodies.of(escaping).rendersFor(escaping)).isTrue();
        assertThat(RenderedBodies.of(escaping).rendersFor(raw)).isFalse();
        assertThat(RenderedBodies.none().rendersFor(escaping)).isFalse();
    }
}
