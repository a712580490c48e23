package dev.hindsight.export;

import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** actions.json, read back: the tracking report's numbers, every item in order, keys as documented. */
class ActionsJsonTest {
    private static KnowledgeBase kb;
    private static byte[] bytes;
    private static Map<String, Object> json;

    @BeforeAll
    static void render() {
        kb = SampleKnowledgeBase.load();
        bytes = new ActionsJson().render(kb, SampleKnowledgeBase.ENGLISH);
        json = JsonTree.object(bytes);
    }

    private static List<Map<String, Object>> items() {
        return JsonTree.objects(json.get("items"));
    }

    @Test
    void hasTheDocumentedTopLevelKeys() {
        assertThat(json).containsOnlyKeys("asOf", "summary", "items");
        assertThat(json.keySet()).containsExactly("asOf", "summary", "items");
        assertThat(json.get("asOf")).isEqualTo("2026-11-25");
    }

    @Test
    void summaryAgreesWithTheTracker() {
        ActionTracker tracker = kb.tracker();
        Map<String, Object> summary = JsonTree.map(json.get("summary"));
        assertThat(summary.keySet()).containsExactly("total", "completed", "inProgress", "overdue", "completionRate");
        assertThat(summary.get("total")).isEqualTo((long) tracker.total());
        assertThat(summary.get("completed")).isEqualTo((long) tracker.count(ActionStatus.COMPLETED));
        assertThat(summary.get("inProgress")).isEqualTo((long) tracker.count(ActionStatus.IN_PROGRESS));
        assertThat(summary.get("overdue")).isEqualTo((long) tracker.overdue().size());
        assertThat(summary.get("completionRate"))
                .isEqualTo(new BigDecimal(ActionTracker.formatRate(tracker.completionRate())));
    }

    @Test
    void completionRateIsANumberWithOneDecimal() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).containsPattern("\"completionRate\":\\d+\\.\\d}");

        KnowledgeBase empty = new KnowledgeBase(List.of(), LocalDate.of(2026, 11, 25));
        String none = new String(new ActionsJson().render(empty, SampleKnowledgeBase.ENGLISH), StandardCharsets.UTF_8);
        assertThat(none).contains("\"completionRate\":0.0}");
        assertThat(JsonTree.object(none.getBytes(StandardCharsets.UTF_8)).get("items")).isEqualTo(List.of());
    }

    @Test
    void itemsAreTheTrackersInItsOrder() {
        assertThat(items()).extracting(i -> i.get("qualifiedId")).containsExactlyElementsOf(
                kb.tracker().items().stream().map(t -> t.item().qualifiedId()).toList());
    }

    @Test
    void itemCountsAgreeWithTheSummaryAndTheTracker() {
        ActionTracker tracker = kb.tracker();
        assertThat(items()).filteredOn(i -> i.get("overdue").equals(true)).hasSize(tracker.overdue().size());
        for (ActionStatus status : ActionStatus.values()) {
            assertThat(items()).filteredOn(i -> i.get("status").equals(status.label())).as(status.label())
                    .hasSize(tracker.count(status));
        }
        assertThat(items().stream().mapToLong(i -> (Long) i.get("daysLate")).sum())
                .isEqualTo(tracker.items().stream().mapToLong(TrackedItem::daysLate).sum());
        assertThat(items().stream().mapToLong(i -> (Long) i.get("ageDays")).sum())
                .isEqualTo(tracker.items().stream().mapToLong(TrackedItem::ageDays).sum());
    }

    @Test
    void everyItemHasTheDocumentedKeysInOrder() {
        assertThat(items()).allSatisfy(item -> {
            assertThat(item.keySet()).containsExactly("id", "qualifiedId", "description", "priority", "owner", "due",
                    "status", "completed", "term", "link", "dueStated", "completedOn", "overdue", "daysLate",
                    "ageDays", "incident");
            assertThat(JsonTree.map(item.get("incident")).keySet())
                    .containsExactly("id", "title", "severity", "started", "services", "url");
        });
    }

    @Test
    void completedOnIsTheTrackersDateAndCompletedTheRecordedOne() {
        for (int i = 0; i < items().size(); i++) {
            TrackedItem tracked = kb.tracker().items().get(i);
            Map<String, Object> item = items().get(i);
            assertThat(item.get("completedOn"))
                    .isEqualTo(tracked.completedOn() == null ? null : tracked.completedOn().toString());
            assertThat(item.get("completed"))
                    .isEqualTo(tracked.item().completed() == null ? null : tracked.item().completed().toString());
            assertThat(JsonTree.map(item.get("incident")).get("url"))
                    .isEqualTo("incidents/" + tracked.incident().id() + "/index.html");
        }
        // The sample has completed items without a date: the tracker counts them completed on the as-of date.
        assertThat(items()).anySatisfy(i -> {
            assertThat(i.get("completed")).isNull();
            assertThat(i.get("completedOn")).isEqualTo("2026-11-25");
        });
    }

    @Test
    void keepsEveryCharacterOfTheText() {
        Map<String, Object> fixture = JsonTree.object(new ActionsJson().render(ExportFixtures.knowledgeBase(),
                SampleKnowledgeBase.ENGLISH));
        List<Map<String, Object>> items = JsonTree.objects(fixture.get("items"));
        assertThat(items.get(0).get("description")).isEqualTo(ExportFixtures.TRICKY);
        assertThat(items.get(1).get("description")).isEqualTo(ExportFixtures.LONG_CHINESE);
        assertThat(items.get(1).get("owner")).isNull();
        // JSON is not a spreadsheet: formula-like text is kept as it is.
        assertThat(items).extracting(i -> i.get("description")).containsAll(ExportFixtures.FORMULAS);
    }
}
