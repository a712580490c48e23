package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese needs no dictionary: every substring of two to four Han characters of a Chinese report's title
 * finds that report among the first ten, in Lucene and in the browser engine alike.
 */
class ChineseSubstringSearchTest {
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");

    @TempDir
    static Path temp;

    private static Path site;
    private static IncidentSearch lucene;
    private static List<Incident> incidents;

    @BeforeAll
    static void build() throws IOException {
        site = SampleSearchSite.build(temp.resolve("site"));
        lucene = IncidentSearch.open(site);
        incidents = new KnowledgeBase(new ReportLoader(new LoadSettings(SampleSearchSite.ZONE,
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(SampleSearchSite.SAMPLE).incidents(),
                SampleSearchSite.AS_OF).incidents();
    }

    @AfterAll
    static void close() {
        if (lucene != null) {
            lucene.close();
        }
    }

    @Test
    void everyTwoToFourCharacterPieceOfAChineseTitleFindsItsReport() throws Exception {
        // query → the documents it must find (a piece may occur in several titles)
        Map<String, List<Integer>> wanted = new LinkedHashMap<>();
        for (int doc = 0; doc < incidents.size(); doc++) {
            Matcher run = HAN_RUN.matcher(incidents.get(doc).title().replace(" ", ""));
            while (run.find()) {
                int[] chars = run.group().codePoints().toArray();
                for (int length = 2; length <= 4; length++) {
                    for (int from = 0; from + length <= chars.length; from++) {
                        wanted.computeIfAbsent(new String(chars, from, length), q -> new ArrayList<>()).add(doc);
                    }
                }
            }
        }
        assertThat(wanted).hasSizeGreaterThan(100);
        List<String> queries = List.copyOf(wanted.keySet());
        NodeEngine.Output browser = NodeEngine.run(site, List.of(), queries, 10);

        List<String> missed = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i);
            List<Integer> browserTop = browser.rankings().get(i).hits().stream().map(NodeEngine.Hit::doc).toList();
            List<Integer> luceneTop = Arrays.stream(lucene.searcher().search(lucene.plainQuery(query), 10)
                    .scoreDocs).map(hit -> hit.doc).toList();
            for (int doc : wanted.get(query)) {
                if (!browserTop.contains(doc) || !luceneTop.contains(doc)) {
                    missed.add(query + " → " + incidents.get(doc).id());
                }
            }
        }
        assertThat(missed).isEmpty();
    }
}
