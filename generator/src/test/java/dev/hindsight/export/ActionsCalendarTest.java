package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * actions.ics against the rules of RFC 5545 that matter to clients: CRLF lines of at most 75 octets
 * folded between characters, escaped TEXT, one VTODO per open item with the required properties and a
 * UID that never changes.
 */
class ActionsCalendarTest {
    private static final List<String> REQUIRED = List.of("UID", "DTSTAMP", "DUE", "SUMMARY", "DESCRIPTION",
            "PRIORITY", "STATUS");
    private static KnowledgeBase kb;
    private static byte[] bytes;

    @BeforeAll
    static void render() {
        kb = SampleKnowledgeBase.load();
        bytes = new ActionsCalendar().render(kb, SampleKnowledgeBase.ENGLISH);
    }

    /** One property of a content line: its name, its parameters as written, its (still escaped) value. */
    record Property(String name, String parameters, String value) {
        static Property of(String line) {
            int colon = line.indexOf(':');
            String head = line.substring(0, colon);
            int semicolon = head.indexOf(';');
            return semicolon < 0 ? new Property(head, "", line.substring(colon + 1))
                    : new Property(head.substring(0, semicolon), head.substring(semicolon + 1), line.substring(colon + 1));
        }
    }

    /** RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
    static List<String> unfold(byte[] ics) {
        String text = new String(ics, StandardCharsets.UTF_8).replace("\r\n ", "").replace("\r\n\t", "");
        assertThat(text).endsWith("\r\n");
        return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
    }

    /** The VTODOs, each as its properties by name (a repeated property fails the test). */
    static List<Map<String, Property>> todos(byte[] ics) {
        List<Map<String, Property>> todos = new ArrayList<>();
        Map<String, Property> current = null;
        for (String line : unfold(ics)) {
            Property property = Property.of(line);
            if (line.equals("BEGIN:VTODO")) {
                current = new HashMap<>();
            } else if (line.equals("END:VTODO")) {
                todos.add(current);
                current = null;
            } else if (current != null && current.put(property.name(), property) != null) {
                fail("repeated " + property.name() + " in a VTODO");
            }
        }
        return todos;
    }

    /** The reverse of RFC 5545 3.3.11 TEXT escaping. */
    static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void assertLinesFollowTheRfc(byte[] ics) {
        String text = new String(ics, StandardCharsets.UTF_8);
        assertThat(text.replace("\r\n", "")).as("bare CR or LF").doesNotContain("\r", "\n");
        assertThat(text).endsWith("END:VCALENDAR\r\n");
        int start = 0;
        for (int i = 0; i + 1 < ics.length; i++) {
            if (ics[i] == '\r' && ics[i + 1] == '\n') {
                byte[] line = Arrays.copyOfRange(ics, start, i);
                assertThat(line.length).as("octets of line %s", new String(line, StandardCharsets.UTF_8))
                        .isLessThanOrEqualTo(75);
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
                } catch (CharacterCodingException e) {
                    fail("a fold splits a character in line " + new String(line, StandardCharsets.UTF_8));
                }
                start = i + 2;
            }
        }
    }

    @Test
    void everyLineEndsInCrlfHasAtMost75OctetsAndIsWholeUtf8() {
        assertLinesFollowTheRfc(bytes);
        assertLinesFollowTheRfc(new ActionsCalendar().render(ExportFixtures.knowledgeBase(),
                SampleKnowledgeBase.CHINESE_WITH_BASE_URL));
    }

    @Test
    void isOneCalendarWithItsRequiredProperties() {
        List<String> lines = unfold(bytes);
        assertThat(lines.subList(0, 4)).containsExactly("BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//Hindsight//Hindsight action items//EN", "CALSCALE:GREGORIAN");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).filteredOn(l -> l.equals("BEGIN:VCALENDAR")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("BEGIN:") && !l.equals("BEGIN:VCALENDAR"))
                .allMatch(l -> l.equals("BEGIN:VTODO"));
    }

    @Test
    void hasOneTodoPerOpenItemInTheTrackersOrder() {
        List<Map<String, Property>> todos = todos(bytes);
        List<TrackedItem> open = kb.tracker().open();
        assertThat(todos).hasSize(open.size()).hasSizeLessThan(kb.tracker().total());
        assertThat(todos).extracting(t -> t.get("UID").value())
                .containsExactlyElementsOf(open.stream().map(t -> t.item().qualifiedId() + "@hindsight").toList());
        assertThat(open).noneMatch(t -> t.item().isClosed());
    }

    @Test
    void everyTodoHasTheRequiredProperties() {
        assertThat(todos(bytes)).allSatisfy(todo -> {
            assertThat(todo).containsKeys(REQUIRED.toArray(String[]::new));
            assertThat(todo.get("DTSTAMP").value()).isEqualTo("20261125T000000Z");
            assertThat(todo.get("DUE").parameters()).isEqualTo("VALUE=DATE");
            assertThat(todo.get("DUE").value()).matches("\\d{8}");
            assertThat(todo.get("STATUS").value()).isIn("NEEDS-ACTION", "IN-PROCESS");
            assertThat(todo.get("PRIORITY").value()).isIn("1", "3", "5", "7");
        });
    }

    @Test
    void statusPriorityAndDueFollowTheItem() {
        List<Map<String, Property>> todos = todos(bytes);
        List<TrackedItem> open = kb.tracker().open();
        for (int i = 0; i < todos.size(); i++) {
            Map<String, Property> todo = todos.get(i);
            TrackedItem tracked = open.get(i);
            assertThat(todo.get("STATUS").value()).isEqualTo(
                    tracked.item().status() == ActionStatus.IN_PROGRESS ? "IN-PROCESS" : "NEEDS-ACTION");
            assertThat(todo.get("PRIORITY").value()).isEqualTo(switch (tracked.item().priority()) {
                case CRITICAL -> "1";
                case HIGH -> "3";
                case MEDIUM -> "5";
                case LOW -> "7";
            });
            assertThat(todo.get("DUE").value()).isEqualTo(tracked.item().due().toString().replace("-", ""));
            assertThat(unescape(todo.get("SUMMARY").value())).isEqualTo(tracked.item().description());
            assertThat(unescape(todo.get("DESCRIPTION").value()))
                    .startsWith("Incident " + tracked.incident().id() + ": " + tracked.incident().title() + "\n")
                    .contains("\nOwner: ");
        }
        assertThat(todos).extracting(t -> t.get("STATUS").value()).contains("NEEDS-ACTION", "IN-PROCESS");
    }

    @Test
    void uidsAreUniqueAndStableAcrossRenders() {
        List<String> first = todos(bytes).stream().map(t -> t.get("UID").value()).toList();
        List<String> second = todos(new ActionsCalendar().render(SampleKnowledgeBase.load(),
                SampleKnowledgeBase.ENGLISH)).stream().map(t -> t.get("UID").value()).toList();
        assertThat(first).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void uidsOfUnusualActionIdsArePercentEncoded() {
        List<String> uids = todos(new ActionsCalendar().render(ExportFixtures.knowledgeBase(),
                SampleKnowledgeBase.ENGLISH)).stream().map(t -> t.get("UID").value()).toList();
        assertThat(uids).contains("INC-2026-11-01-001/id%20with%20space%3B%25/%E4%B8%AD@hindsight")
                .doesNotHaveDuplicates().allMatch(u -> u.matches("[A-Za-z0-9._/%@-]+"));
    }

    @Test
    void urlsAreAbsoluteWithABaseUrlAndLeftOutWithout() {
        assertThat(todos(bytes)).noneMatch(t -> t.containsKey("URL"));
        List<Map<String, Property>> withBase = todos(new ActionsCalendar().render(kb,
                SampleKnowledgeBase.CHINESE_WITH_BASE_URL));
        assertThat(withBase).allSatisfy(t -> assertThat(t.get("URL").value())
                .startsWith("https://postmortems.example.com/ops/incidents/").endsWith("/index.html"));
    }

    @Test
    void escapesBackslashSemicolonCommaAndLineBreaksInText() {
        List<Map<String, Property>> todos = todos(new ActionsCalendar().render(ExportFixtures.knowledgeBase(),
                SampleKnowledgeBase.ENGLISH));
        Property summary = todos.get(0).get("SUMMARY");
        assertThat(summary.value()).isEqualTo("Fix \"quoted\" config\\; retry\\, back\\\\off\\nthen verify");
        assertThat(unescape(summary.value())).isEqualTo(ExportFixtures.TRICKY);
        assertThat(todos.get(0).get("CATEGORIES").value()).isEqualTo("otel\\,collector,kafka\\;eu,订单服务");
        for (Map<String, Property> todo : todos) {
            for (Property p : List.of(todo.get("SUMMARY"), todo.get("DESCRIPTION"))) {
                assertThat(p.value().replaceAll("\\\\[\\\\;,nN]", "")).as(p.name()).doesNotContain("\\", ";", ",");
            }
        }
        assertThat(ContentLines.text("a\r\nb\rc\u0007d\te")).isEqualTo("a\\nb\\ncd\te");
    }

    @Test
    void foldsLongChineseTextAndUnfoldingRestoresIt() {
        byte[] ics = new ActionsCalendar().render(ExportFixtures.knowledgeBase(), SampleKnowledgeBase.ENGLISH);
        String raw = new String(ics, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("SUMMARY:" + ExportFixtures.LONG_CHINESE.substring(0, 40));
        Map<String, Property> todo = todos(ics).get(1);
        assertThat(unescape(todo.get("SUMMARY").value())).isEqualTo(ExportFixtures.LONG_CHINESE);
        String folded = ContentLines.fold("SUMMARY:" + "中".repeat(30));
        assertThat(folded).isEqualTo("SUMMARY:" + "中".repeat(22) + "\r\n " + "中".repeat(8) + "\r\n");
    }

    @Test
    void foldsEveryLineThatIsTooLongAndOnlyThose() {
        Random random = new Random(5);
        String[] pieces = {"a", "Z", " ", "é", "中", "😀", "\\,"};
        for (int round = 0; round < 5_000; round++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(90); i > 0; i--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            String folded = ContentLines.fold(line.toString());
            assertThat(folded).endsWith("\r\n");
            String[] physical = folded.substring(0, folded.length() - 2).split("\r\n ", -1);
            assertThat(String.join("", physical)).isEqualTo(line.toString());
            for (int i = 0; i < physical.length; i++) {
                assertThat((i > 0 ? 1 : 0) + physical[i].getBytes(StandardCharsets.UTF_8).length)
                        .as("a physical line of %s", line).isLessThanOrEqualTo(ContentLines.MAX_OCTETS);
            }
            if (line.toString().getBytes(StandardCharsets.UTF_8).length <= ContentLines.MAX_OCTETS) {
                assertThat(physical).as("a line that fits is not folded").hasSize(1);
            }
        }
    }

    @Test
    void leavesOutCompletedAndCancelledItemsAndDescribesInTheSitesLanguage() {
        List<Map<String, Property>> todos = todos(new ActionsCalendar().render(ExportFixtures.knowledgeBase(),
                SampleKnowledgeBase.CHINESE_WITH_BASE_URL));
        assertThat(todos).extracting(t -> t.get("SUMMARY").value()).doesNotContain("done already", "dropped");
        assertThat(todos).hasSize(ExportFixtures.knowledgeBase().tracker().open().size());
        assertThat(unescape(todos.get(1).get("DESCRIPTION").value())).isEqualTo(
                "故障 INC-2026-11-01-001: Collector OOM, again; \"batch\" \\ 批处理\n负责人: 未指定\n状态: not-started\n"
                        + "工单: https://tracker.example.com/OPS-1?a=1,b=2");
    }
}
