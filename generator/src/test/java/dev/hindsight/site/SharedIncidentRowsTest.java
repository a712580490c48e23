package dev.hindsight.site;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TaxonomyKind;
import dev.hindsight.kb.TaxonomyTerm;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import dev.hindsight.site.page.IncidentRow;
import gg.jte.TemplateOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The taxonomy pages share each incident's row (made and rendered once): their bytes must be those of rows made and
 * rendered for each page, and a row must really be made and rendered only once.
 */
class SharedIncidentRowsTest {
    private static final String TERM_ROOT = SitePaths.rootFrom(SitePaths.term(TaxonomyKind.TAGS, "x"));
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = new KnowledgeBase(new ReportLoader(BuiltSite.LOAD).load(BuiltSite.SAMPLE).incidents(), BuiltSite.AS_OF);
    }

    @Test
    void taxonomyPagesAreTheSameWhetherTheirRowsAreSharedOrNot() throws IOException {
        try (Templates templates = Templates.builtIn()) {
            SharedIncidentRows shared = new SharedIncidentRows(templates, Long.MAX_VALUE);
            Map<String, String> sharing = termPages(templates, shared);
            Map<String, String> notSharing = termPages(templates, new SharedIncidentRows(templates, 0));

            assertThat(sharing).hasSizeGreaterThan(10);
            assertThat(sharing).isEqualTo(notSharing);
            assertThat(sharing.values()).allSatisfy(page -> assertThat(page).contains("<tr data-severity="));
        }
    }

    @Test
    void aRowIsMadeAndRenderedOnceForEveryPageAtItsDepth() {
        try (Templates templates = Templates.builtIn()) {
            SharedIncidentRows shared = new SharedIncidentRows(templates, Long.MAX_VALUE);
            PageModels models = models(templates, shared);
            Incident incident = kb.incidents().get(0);
            AtomicInteger made = new AtomicInteger();

            IncidentRow first = shared.row(incident, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));
            IncidentRow again = shared.row(incident, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));
            shared.row(incident, "../", i -> counted(made, models.row(i, "../", shared)));

            assertThat(again).isSameAs(first);
            assertThat(made).as("made once at each of two depths").hasValue(2);
            Recorded onePage = new Recorded();
            Recorded another = new Recorded();
            shared.write(first, onePage);
            shared.write(again, another);
            assertThat(another.chunks).hasSize(1);
            assertThat(another.chunks.get(0)).as("the same bytes, not rendered again").isSameAs(onePage.chunks.get(0));
            assertThat(new String(another.chunks.get(0), StandardCharsets.UTF_8)).startsWith("<tr ")
                    .contains(first.href()).endsWith("</tr>\n");
        }
    }

    @Test
    void pastItsBudgetEveryPageMakesAndRendersItsOwnRow() {
        try (Templates templates = Templates.builtIn()) {
            Incident incident = kb.incidents().get(0);
            Incident other = kb.incidents().get(1);
            // Room for one row's model and HTML, not two.
            SharedIncidentRows measure = new SharedIncidentRows(templates, Long.MAX_VALUE);
            PageModels measuring = models(templates, measure);
            measure.write(measure.row(incident, TERM_ROOT, i -> measuring.row(i, TERM_ROOT, measure)), new Recorded());
            SharedIncidentRows shared = new SharedIncidentRows(templates, measure.keptBytes());
            PageModels models = models(templates, shared);
            AtomicInteger made = new AtomicInteger();

            IncidentRow first = shared.row(incident, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));
            shared.write(first, new Recorded());
            IncidentRow second = shared.row(other, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));
            Recorded onePage = new Recorded();
            Recorded another = new Recorded();
            shared.write(second, onePage);
            IncidentRow secondAgain = shared.row(other, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));
            shared.write(secondAgain, another);

            assertThat(shared.row(incident, TERM_ROOT, i -> counted(made, null))).as("kept").isSameAs(first);
            assertThat(made).as("the first row made once, the second twice").hasValue(3);
            assertThat(secondAgain).isNotSameAs(second).isEqualTo(second);
            assertThat(another.chunks).as("rendered into the page again").hasSizeGreaterThan(1);
            assertThat(another.text()).isEqualTo(onePage.text());
        }
    }

    @Test
    void modelsCountAgainstTheBudgetWhenNoRowIsRendered() {
        try (Templates templates = Templates.builtIn()) {
            // A theme whose table writes rows from their fields never asks for their HTML.
            SharedIncidentRows shared = new SharedIncidentRows(templates, 1);
            PageModels models = models(templates, shared);
            AtomicInteger made = new AtomicInteger();
            Incident incident = kb.incidents().get(0);
            Incident other = kb.incidents().get(1);

            shared.row(incident, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));
            shared.row(other, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));
            shared.row(other, TERM_ROOT, i -> counted(made, models.row(i, TERM_ROOT, shared)));

            assertThat(made).as("only the first row kept").hasValue(3);
        }
    }

    private static IncidentRow counted(AtomicInteger made, IncidentRow row) {
        made.incrementAndGet();
        return row;
    }

    private static PageModels models(Templates templates, SharedIncidentRows shared) {
        return new PageModels(kb, BuiltSite.settings(), new Messages(BuiltSite.settings().locale()), new Assets(),
                List.of(), SharedIncidentRows.unshared(templates), shared);
    }

    /** Every taxonomy term page, rendered with {@code shared}, by site path. */
    private static Map<String, String> termPages(Templates templates, SharedIncidentRows shared) throws IOException {
        PageModels models = models(templates, shared);
        Messages messages = new Messages(BuiltSite.settings().locale());
        Map<String, String> pages = new TreeMap<>();
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            for (TaxonomyTerm term : kb.taxonomy(kind).terms()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                templates.render("taxonomy.jte", models.term(kind, term), messages, out);
                pages.put(SitePaths.term(kind, term.slug()), out.toString(StandardCharsets.UTF_8));
            }
        }
        return pages;
    }

    /** What a template output was given, chunk by chunk. */
    private static final class Recorded implements TemplateOutput {
        final List<byte[]> chunks = new ArrayList<>();

        @Override
        public void writeContent(String value) {
            chunks.add(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            writeContent(value.substring(beginIndex, endIndex));
        }

        @Override
        public void writeBinaryContent(byte[] value) {
            chunks.add(value);
        }

        String text() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            chunks.forEach(all::writeBytes);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
