package dev.hindsight.kb;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms looked up by name, on the metrics fixture, whose reports write the service "api" also as "API". */
class TaxonomyTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        LoadResult result = new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"),
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(IncidentMetricsTest.FIXTURE);
        kb = new KnowledgeBase(result.incidents(), IncidentMetricsTest.AS_OF);
    }

    @Test
    void aTermIsFoundByAnySpellingOfItsNameThatDiffersOnlyInCase() {
        Taxonomy services = kb.taxonomy(TaxonomyKind.SERVICES);

        for (String name : List.of("api", "API", "Api")) {
            assertThat(services.term(name)).as(name).hasValueSatisfying(term -> {
                assertThat(term.name()).isEqualTo("API");
                assertThat(term.incidents()).hasSize(4);
            });
        }
        assertThat(services.term("DB")).hasValueSatisfying(term -> assertThat(term.name()).isEqualTo("db"));
    }

    @Test
    void aNameNoIncidentHasFindsNoTerm() {
        Taxonomy services = kb.taxonomy(TaxonomyKind.SERVICES);

        assertThat(services.term("ap")).isEmpty();
        assertThat(services.term("")).isEmpty();
        assertThat(services.term(null)).isEmpty();
    }

    @Test
    void taxonomiesOfTheSameTermsAreEqual() {
        Taxonomy services = kb.taxonomy(TaxonomyKind.SERVICES);
        Taxonomy copy = new Taxonomy(TaxonomyKind.SERVICES, services.terms());

        assertThat(copy).isEqualTo(services).hasSameHashCodeAs(services);
        assertThat(new Taxonomy(TaxonomyKind.TAGS, services.terms())).isNotEqualTo(services);
        assertThat(new Taxonomy(TaxonomyKind.SERVICES, services.terms().subList(1, services.terms().size())))
                .isNotEqualTo(services);
    }
}
