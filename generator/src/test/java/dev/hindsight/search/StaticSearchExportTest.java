package dev.hindsight.search;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.Incident;
import dev.hindsight.model.ReportSource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The browser engine's data as exported from the sample's index: scripts that call the loader, the same
 * bytes every time, every indexed term in the shard its hash names, small shards, documents in index order.
 */
class StaticSearchExportTest {
    private static final Function<Incident, String> PAGE = i -> "incidents/" + i.id() + "/index.html";
    private static final Pattern SCRIPT = Pattern.compile(
            "HindsightSearch\\.load\\(\"(meta|terms|docs|facets)\",(\\d+|\"[a-z]+\"),[\\s\\S]*\\);\n");
    private static final Pattern ENTRY = Pattern.compile("^\"([^\"]+)\":\"[A-Za-z0-9_-]+\",?$", Pattern.MULTILINE);
    private static final Pattern DOC_ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"", Pattern.MULTILINE);

    private static KnowledgeBase kb;
    private static Directory index;
    private static Map<String, byte[]> files;

    @BeforeAll
    static void exportTheSample() {
        LoadResult load = new ReportLoader(new LoadSettings(SampleSearchSite.ZONE,
                LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(SampleSearchSite.SAMPLE);
        kb = new KnowledgeBase(load.incidents(), SampleSearchSite.AS_OF);
        index = IncidentIndex.build(kb).directory();
        files = StaticSearchExport.files(index, kb, PAGE);
    }

    @Test
    void everyFileIsAScriptThatHandsItsDataToTheLoader() {
        assertThat(files).containsKey(StaticSearchExport.META).allSatisfy((path, bytes) -> {
            assertThat(path).matches("search/(meta|terms/\\d+|docs/\\d+|facets/[a-z]+)\\.js");
            assertThat(StaticSearchExport.loadedOnDemand(path)).isTrue();
            assertThat(SCRIPT.matcher(text(bytes)).matches()).as(path).isTrue();
        });
    }

    @Test
    void exportingAgainGivesTheSameBytes() {
        Map<String, byte[]> again = StaticSearchExport.files(IncidentIndex.build(kb).directory(), kb, PAGE);

        assertThat(again.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((path, bytes) -> assertThat(again.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void theVersionChangesWithAnyDataFile() {
        List<Incident> edited = new ArrayList<>(kb.incidents());
        Incident first = edited.get(0);
        ReportSource source = first.source();
        edited.set(0, first.withSource(new ReportSource(source.path(), source.style(),
                source.markdown() + "\nquetzalcoatl\n", source.bodyLine(), source.outline())));
        KnowledgeBase after = new KnowledgeBase(edited, SampleSearchSite.AS_OF);
        Map<String, byte[]> exported = StaticSearchExport.files(IncidentIndex.build(after).directory(), after, PAGE);

        assertThat(exported.keySet()).containsExactlyElementsOf(files.keySet());
        assertThat(files.keySet().stream().filter(path -> !path.equals(StaticSearchExport.META))
                .filter(path -> !Arrays.equals(files.get(path), exported.get(path)))).isNotEmpty();
        assertThat(value(text(exported.get(StaticSearchExport.META)), "version"))
                .isNotEqualTo(value(text(files.get(StaticSearchExport.META)), "version"));
    }

    @Test
    void everyIndexedTermIsInTheShardItsHashNames() throws IOException {
        String meta = text(files.get(StaticSearchExport.META));
        int shards = Integer.parseInt(value(meta, "termShards"));
        assertThat(Integer.bitCount(shards)).isOne();
        TreeSet<String> exported = new TreeSet<>();
        for (int shard = 0; shard < shards; shard++) {
            byte[] file = files.get("search/terms/" + StaticSearchExport.number(shard, shards) + ".js");
            Matcher entry = ENTRY.matcher(text(file));
            while (entry.find()) {
                assertThat(StaticSearchExport.shardOf(entry.group(1), shards)).as(entry.group(1)).isEqualTo(shard);
                exported.add(entry.group(1));
            }
        }

        assertThat(exported).containsExactlyElementsOf(indexedTerms());
    }

    @Test
    void shardsAreAFewKilobytesEach() {
        List<Integer> sizes = files.entrySet().stream().filter(e -> e.getKey().startsWith("search/terms/"))
                .map(e -> e.getValue().length).toList();

        assertThat(sizes.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .isLessThanOrEqualTo(StaticSearchExport.TARGET_SHARD_BYTES);
        assertThat(sizes).hasSizeGreaterThan(1);
    }

    @Test
    void documentChunksHoldTheIncidentsInIndexOrder() {
        String meta = text(files.get(StaticSearchExport.META));
        int chunks = Integer.parseInt(value(meta, "docChunks"));
        List<String> ids = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            Matcher id = DOC_ID.matcher(text(files.get("search/docs/" + StaticSearchExport.number(chunk, chunks) + ".js")));
            while (id.find()) {
                ids.add(id.group(1));
            }
        }

        assertThat(ids).containsExactlyElementsOf(kb.incidents().stream().map(Incident::id).toList());
        assertThat(value(meta, "documents")).isEqualTo(String.valueOf(kb.incidents().size()));
    }

    @Test
    void theMetaFileCarriesLucenesParametersAndTheAnalysersStopWords() {
        String meta = text(files.get(StaticSearchExport.META));

        assertThat(value(meta, "k1")).isEqualTo("1.2");
        assertThat(value(meta, "b")).isEqualTo("0.75");
        assertThat(meta).contains("{\"name\":\"title\",\"boost\":3.0,\"docCount\":" + kb.incidents().size() + ",");
        assertThat(meta).contains("\"stopWords\":[\"a\",\"an\",\"and\"").contains("\"maxWordLength\":40");
    }

    @Test
    void anEmptyKnowledgeBaseExportsAnEngineThatFindsNothing() {
        KnowledgeBase empty = new KnowledgeBase(List.of(), SampleSearchSite.AS_OF);
        Map<String, byte[]> nothing = StaticSearchExport.files(IncidentIndex.build(empty).directory(), empty, PAGE);

        assertThat(text(nothing.get(StaticSearchExport.META))).contains("\"documents\":0", "\"termShards\":1",
                "\"docChunks\":0", "{\"name\":\"body\",\"boost\":1.0,\"docCount\":0,\"sumTotalTermFreq\":0}");
        assertThat(nothing).contains(entry("search/terms/0.js",
                "HindsightSearch.load(\"terms\",0,{});\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(nothing.keySet()).noneMatch(p -> p.startsWith("search/docs/"));
    }

    @Test
    void textIsEscapedForJavaScript() {
        assertThat(JsText.string("a\"b\\c\n</script>\u2028\ud800")).isEqualTo(
                "\"a\\\"b\\\\c\\n\\u003c/script>\\u2028\\ud800\"");
        StringBuilder numbers = new StringBuilder();
        VarintText.append(numbers, 0);
        VarintText.append(numbers, 31);
        VarintText.append(numbers, 32);
        VarintText.append(numbers, 1025);
        assertThat(numbers.toString()).isEqualTo("A" + "f" + "gB" + "hgB");
    }

    private static TreeSet<String> indexedTerms() throws IOException {
        TreeSet<String> terms = new TreeSet<>();
        try (DirectoryReader reader = DirectoryReader.open(index)) {
            for (SearchField field : SearchField.values()) {
                Terms fieldTerms = MultiTerms.getTerms(reader, field.fieldName());
                TermsEnum iterator = fieldTerms.iterator();
                for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                    terms.add(term.utf8ToString());
                }
            }
        }
        return terms;
    }

    private static String value(String meta, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\":([^,\\n]+)").matcher(meta);
        assertThat(matcher.find()).as(key).isTrue();
        return matcher.group(1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
