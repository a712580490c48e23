package dev.hindsight.kb;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import dev.hindsight.model.ReportSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A knowledge base rebuilt from the previous one after an edit (the preview server's case) is the knowledge base
 * a fresh build makes, holding the edited incidents themselves, whether the edit touched only a body (taken
 * over) or a field (built afresh). The sample site's reports, as a user's.
 */
class KnowledgeBaseReuseTest {
    private static List<Incident> incidents;

    @BeforeAll
    static void load() {
        LoadResult result = new ReportLoader(new LoadSettings(ZoneOffset.UTC, LoadSettings.DEFAULT_MAX_REPORT_BYTES))
                .load(Path.of("../sample-site/src/postmortems"));
        incidents = result.incidents();
        assertThat(incidents).hasSizeGreaterThan(10);
    }

    /** The sample incident with the most action items, whose anniversary falls on {@code asOf} below. */
    private static Incident edited() {
        return incidents.stream().max((a, b) -> Integer.compare(a.actions().size(), b.actions().size())).orElseThrow();
    }

    private static LocalDate asOf() {
        return edited().times().started().toLocalDate().plusYears(1).minusDays(3);
    }

    private static List<Incident> replacing(Incident before, Incident after) {
        List<Incident> list = new ArrayList<>(incidents);
        list.set(list.indexOf(before), after);
        Collections.reverse(list); // the order reports arrive in does not matter
        return list;
    }

    @Test
    void aBodyEditTakesThePreviousOverWithTheEditedIncidentInPlace() {
        Incident before = edited();
        ReportSource source = before.source();
        Incident after = before.withSource(new ReportSource(source.path(), source.style(),
                source.markdown() + "\nOne more sentence.\n", source.bodyLine(), source.outline()));
        KnowledgeBase previous = new KnowledgeBase(incidents, asOf());
        List<Incident> now = replacing(before, after);

        KnowledgeBase reused = KnowledgeBase.of(now, asOf(), previous);

        assertSameAs(reused, new KnowledgeBase(now, asOf()));
        assertThat(reused.tracker().items()).isNotEmpty();
        assertThat(reused.anniversaries().upcoming()).extracting(Anniversary::incident).contains(after);
        assertThat(reused.incident(after.id())).containsSame(after);
        Set<Incident> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(now);
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            reused.taxonomy(kind).terms().forEach(t -> assertThat(held).containsAll(t.incidents()));
        }
        reused.tracker().items().forEach(t -> {
            assertThat(held).contains(t.incident());
            assertThat(t.incident().actions()).anyMatch(a -> a == t.item());
        });
    }

    @Test
    void aFieldEditOrAnotherDateIsBuiltAfresh() {
        Incident before = edited();
        Incident after = new Incident(before.id(), before.title() + " (revised)", before.severity(), before.status(),
                before.times(), before.services(), List.of("revised"), before.owner(), before.participants(),
                before.summary(), before.impact(), before.analysis(), before.timeline(), before.actions(),
                before.lessons(), before.links(), before.extra(), before.source());
        KnowledgeBase previous = new KnowledgeBase(incidents, asOf());
        List<Incident> now = replacing(before, after);

        assertSameAs(KnowledgeBase.of(now, asOf(), previous), new KnowledgeBase(now, asOf()));
        assertSameAs(KnowledgeBase.of(incidents, asOf().plusDays(1), previous),
                new KnowledgeBase(incidents, asOf().plusDays(1)));
        assertSameAs(KnowledgeBase.of(incidents.subList(1, incidents.size()), asOf(), previous),
                new KnowledgeBase(incidents.subList(1, incidents.size()), asOf()));
    }

    private static void assertSameAs(KnowledgeBase actual, KnowledgeBase expected) {
        assertThat(actual.incidents()).isEqualTo(expected.incidents());
        assertThat(actual.asOf()).isEqualTo(expected.asOf());
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            assertThat(actual.taxonomy(kind)).isEqualTo(expected.taxonomy(kind));
        }
        assertThat(actual.tracker().items()).isEqualTo(expected.tracker().items());
        assertThat(actual.anniversaries().upcoming()).isEqualTo(expected.anniversaries().upcoming());
        for (Incident incident : expected.incidents()) {
            assertThat(actual.previous(incident)).isEqualTo(expected.previous(incident));
            assertThat(actual.next(incident)).isEqualTo(expected.next(incident));
            assertThat(actual.incident(incident.id())).isEqualTo(expected.incident(incident.id()));
        }
    }
}
