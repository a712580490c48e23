package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** incidents.json, read back: dump's incident objects, newest first, each with its page's URL. */
class IncidentsJsonTest {
    private static KnowledgeBase kb;
    private static byte[] bytes;
    private static List<Map<String, Object>> incidents;

    @BeforeAll
    static void render() {
        kb = SampleKnowledgeBase.load();
        bytes = new IncidentsJson().render(kb, SampleKnowledgeBase.ENGLISH);
        Map<String, Object> json = JsonTree.object(bytes);
        assertThat(json.keySet()).containsExactly("incidents");
        incidents = JsonTree.objects(json.get("incidents"));
    }

    @Test
    void listsEveryIncidentNewestFirst() {
        assertThat(incidents).extracting(i -> i.get("id"))
                .containsExactlyElementsOf(kb.incidents().stream().map(Incident::id).toList());
    }

    @Test
    void givesEveryIncidentItsPageUrlRelativeToTheSiteRoot() {
        assertThat(incidents).allSatisfy(i ->
                assertThat(i.get("url")).isEqualTo("incidents/" + i.get("id") + "/index.html"));
    }

    @Test
    void isDumpsIncidentObjectWithTheUrlAfterTheTitle() throws IOException {
        Incident first = kb.incidents().get(0);
        StringWriter out = new StringWriter();
        try (ModelJson dump = new ModelJson(out)) {
            dump.writeIncident(first);
        }
        Map<String, Object> dumped = JsonTree.object(out.toString().getBytes(StandardCharsets.UTF_8));
        List<String> expected = new ArrayList<>(dumped.keySet());
        expected.add(2, "url");
        assertThat(incidents.get(0).keySet()).containsExactlyElementsOf(expected);
        dumped.forEach((key, value) -> assertThat(incidents.get(0).get(key)).as(key).isEqualTo(value));
    }

    @Test
    void leavesOutTheMarkdownBody() {
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\"markdown\"");
        assertThat(incidents).allSatisfy(i -> assertThat(JsonTree.map(i.get("source")).keySet())
                .containsExactly("path", "style", "bodyLine", "outline"));
    }

    @Test
    void actionCountsAgreeWithTheTracker() {
        List<Map<String, Object>> actions = incidents.stream()
                .flatMap(i -> JsonTree.objects(i.get("actions")).stream()).toList();
        assertThat(actions).hasSize(kb.tracker().total());
        assertThat(actions).extracting(a -> a.get("qualifiedId")).containsExactlyElementsOf(
                kb.tracker().items().stream().map(t -> t.item().qualifiedId()).toList());
        assertThat(actions).filteredOn(a -> a.get("status").equals("completed"))
                .hasSize(kb.tracker().count(dev.hindsight.model.ActionStatus.COMPLETED));
    }

    @Test
    void isUtf8WithChineseAsItIsAndEndsWithANewline() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).containsPattern("\\p{IsHan}").doesNotContain("\\u").endsWith("}\n");
    }
}
