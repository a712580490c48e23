package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lucene index of the sample knowledge base: Chinese substrings, English words, related incidents. */
class SearchIndexTest {
    private static KnowledgeBase kb;
    private static IncidentSearch search;

    @BeforeAll
    static void index() {
        kb = new KnowledgeBase(new ReportLoader(new LoadSettings(ZoneId.of("Asia/Shanghai"),
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(Path.of("../sample-site/src/postmortems")).incidents(),
                LocalDate.of(2026, 11, 25));
        search = new IncidentSearch(IncidentIndex.build(kb).directory());
    }

    @AfterAll
    static void close() {
        search.close();
    }

    private static List<String> top(String query, int n) throws Exception {
        return search.search(query, n).stream().map(SearchHit::id).toList();
    }

    @Test
    void everyChineseSubstringOfTwoToFourCharactersOfATitleFindsItsReport() throws Exception {
        int checked = 0;
        for (Incident incident : kb.incidents()) {
            String title = incident.title().replace(" ", "");
            for (int length = 2; length <= 4; length++) {
                for (int i = 0; i + length <= title.length(); i++) {
                    String piece = title.substring(i, i + length);
                    if (piece.codePoints().allMatch(SearchTokenizer::isHan)) {
                        assertThat(top(piece, 10)).as("'%s' finds %s", piece, incident.id()).contains(incident.id());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("Chinese substrings checked").isGreaterThan(100);
    }

    @Test
    void englishWordsFindTheirReportsAndTitlesOutrankBodies() throws Exception {
        List<String> hits = top("connection pool exhaustion", 5);
        assertThat(hits).contains("INC-2024-02-06-001", "INC-2025-08-19-001");
        assertThat(top("OTLP Collector", 3)).contains("INC-2025-10-05-001");
    }

    @Test
    void queriesThatMatchNothingReturnNothing() throws Exception {
        assertThat(top("zyxwvut", 10)).isEmpty();
        assertThat(top("the of and", 10)).as("stop words only").isEmpty();
    }

    @Test
    void luceneSyntaxWorksForTheAdventurous() throws Exception {
        List<SearchHit> hits = search.search("severity:P1 AND oom", 10);
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.severity()).isEqualTo("P1"));
        assertThat(hits).extracting(SearchHit::id).contains("INC-2025-10-05-001");
    }

    @Test
    void aBrokenQueryIsExplainedNotThrown() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search.search("title:(oom", 10))
                .isInstanceOf(IncidentSearch.BadQueryException.class).hasMessageContaining("cannot read the query");
    }

    @Test
    void snippetsMarkTheMatchedWords() throws Exception {
        SearchHit seed = search.search("实例无法接收", 1).get(0);
        assertThat(seed.id()).isEqualTo("INC-2025-10-05-001");
        // Overlapping bigrams (实例, 例无, 无法, 法接, 接收) become one mark, not five.
        assertThat(seed.snippet()).contains("«实例无法接收»");
        SearchHit english = search.search("refund batch", 1).get(0);
        assertThat(english.snippet()).startsWith("The monthly «refund» reconciliation job");
    }

    @Test
    void snippetMarksStayOnTheirWordsWhenNormalisationChangesTheLength() {
        // "ﬁ" (one character) normalises to "fi" (two): marks follow the normalised text.
        assertThat(search.snippet("The ﬁrewall dropped traffic", search.analyse("traffic")))
                .isEqualTo("The firewall dropped «traffic»");
    }

    @Test
    void reportsWrittenToShareARootCauseListEachOtherInTheirTopThree() {
        Map<String, List<RelatedIncident>> related = RelatedIncidents.find(kb, 5).byId();
        List<List<String>> groups = List.of(
                List.of("INC-2024-02-06-001", "INC-2024-11-29-001", "INC-2025-08-19-001"),
                List.of("INC-2024-05-28-001", "INC-2025-12-09-001"),
                List.of("INC-2025-03-14-001", "INC-2026-06-16-001"));
        for (List<String> group : groups) {
            for (String id : group) {
                List<String> top3 = related.get(id).stream().limit(3).map(RelatedIncident::id).toList();
                assertThat(top3).as("related of %s", id).containsAll(group.stream().filter(g -> !g.equals(id)).toList());
            }
        }
        assertThat(related.get("INC-2024-02-06-001").get(0).reasons()).isNotEmpty();
        assertThat(related.values()).allSatisfy(list -> assertThat(list).hasSizeLessThanOrEqualTo(5));
        related.forEach((id, list) -> assertThat(list).extracting(RelatedIncident::id).doesNotContain(id));
    }
}
