package dev.hindsight.export;

import dev.hindsight.kb.ActionTracker;
import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackedItem;
import dev.hindsight.model.ActionStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * actions.csv, read back with Apache Commons CSV (an independent RFC 4180 parser): one row per tracked
 * item agreeing with the tracker, Excel-friendly bytes, and no field a spreadsheet would run as a formula.
 */
class ActionsCsvTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static KnowledgeBase kb;
    private static byte[] bytes;
    private static List<CSVRecord> rows;

    @BeforeAll
    static void render() {
        kb = SampleKnowledgeBase.load();
        bytes = new ActionsCsv().render(kb, SampleKnowledgeBase.ENGLISH);
        rows = parse(bytes);
    }

    /** The records after the header, with the BOM (checked elsewhere) removed first. */
    static List<CSVRecord> parse(byte[] csv) {
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            assertThat(parser.getHeaderNames()).isEqualTo(ActionsCsv.COLUMNS);
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void startsWithAByteOrderMarkThenTheHeader() {
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("incident_id,action_id,qualified_id,description,status,priority,owner,due,"
                + "due_stated,completed,term,overdue,days_late,link,incident_title,incident_severity,"
                + "incident_started,services\r\n");
    }

    @Test
    void everyRecordEndsInCrlf() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        // The sample has no line breaks inside fields, so every LF ends a record and follows a CR.
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(text.split("\r\n", -1)).hasSize(kb.tracker().total() + 2);
    }

    @Test
    void hasOneRowPerTrackedItemInTheTrackersOrder() {
        assertThat(rows).hasSize(kb.tracker().total());
        assertThat(rows).extracting(r -> r.get("qualified_id"))
                .containsExactlyElementsOf(kb.tracker().items().stream().map(t -> t.item().qualifiedId()).toList());
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(ActionsCsv.COLUMNS.size()));
    }

    @Test
    void overdueRowsAgreeWithTheTracker() {
        ActionTracker tracker = kb.tracker();
        List<CSVRecord> overdue = rows.stream().filter(r -> r.get("overdue").equals("true")).toList();
        assertThat(overdue).hasSize(tracker.overdue().size()).isNotEmpty();
        assertThat(overdue).extracting(r -> r.get("qualified_id")).containsExactlyInAnyOrderElementsOf(
                tracker.overdue().stream().map(t -> t.item().qualifiedId()).toList());
        assertThat(rows).filteredOn(r -> r.get("overdue").equals("false"))
                .allSatisfy(r -> assertThat(r.get("days_late")).isEqualTo("0"));
        long daysLate = rows.stream().mapToLong(r -> Long.parseLong(r.get("days_late"))).sum();
        assertThat(daysLate).isEqualTo(tracker.items().stream().mapToLong(TrackedItem::daysLate).sum()).isPositive();
    }

    @Test
    void statusCountsAgreeWithTheTracker() {
        for (ActionStatus status : ActionStatus.values()) {
            assertThat(rows).filteredOn(r -> r.get("status").equals(status.label()))
                    .as(status.label()).hasSize(kb.tracker().count(status));
        }
    }

    @Test
    void fieldsHoldTheItemsValuesAsDocumented() {
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            TrackedItem tracked = kb.tracker().items().get(i);
            assertThat(row.get("incident_id")).isEqualTo(tracked.incident().id());
            assertThat(row.get("action_id")).isEqualTo(tracked.item().id());
            assertThat(row.get("due")).isEqualTo(tracked.item().due().toString());
            assertThat(row.get("due_stated")).isEqualTo(String.valueOf(tracked.item().dueStated()));
            assertThat(row.get("completed"))
                    .isEqualTo(tracked.item().completed() == null ? "" : tracked.item().completed().toString());
            assertThat(row.get("incident_severity")).isEqualTo(tracked.incident().severity().name());
            assertThat(row.get("incident_started")).isEqualTo(tracked.incident().times().started().toString());
            assertThat(row.get("services")).isEqualTo(String.join("; ", tracked.incident().services()));
        }
    }

    @Test
    void keepsChineseAsUtf8() {
        assertThat(rows).anySatisfy(r -> assertThat(r.get("description")).containsPattern("\\p{IsHan}"));
        assertThat(rows).extracting(r -> r.get("description")).containsExactlyElementsOf(
                kb.tracker().items().stream().map(t -> CsvRows.neutralised(t.item().description())).toList());
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndReadsThemBack() {
        KnowledgeBase fixture = ExportFixtures.knowledgeBase();
        byte[] csv = new ActionsCsv().render(fixture, SampleKnowledgeBase.ENGLISH);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"Fix \"\"quoted\"\" config; retry, back\\off\nthen verify\"");

        List<CSVRecord> read = parse(csv);
        assertThat(read).hasSize(fixture.tracker().total());
        assertThat(read.get(0).get("description")).isEqualTo(ExportFixtures.TRICKY);
        assertThat(read.get(0).get("link")).isEqualTo("https://tracker.example.com/OPS-1?a=1,b=2");
        assertThat(read.get(0).get("incident_title")).isEqualTo("Collector OOM, again; \"batch\" \\ 批处理");
        assertThat(read.get(0).get("services")).isEqualTo("otel,collector; kafka;eu; 订单服务");
        assertThat(read.get(1).get("description")).isEqualTo(ExportFixtures.LONG_CHINESE);
        assertThat(read.get(1).get("owner")).isEmpty();
    }

    @Test
    void formulaLikeFieldsGetALeadingApostrophe() {
        List<CSVRecord> read = parse(new ActionsCsv().render(ExportFixtures.knowledgeBase(), SampleKnowledgeBase.ENGLISH));
        for (String formula : ExportFixtures.FORMULAS) {
            assertThat(read).filteredOn(r -> r.get("description").equals("'" + formula)).as(formula)
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("owner")).isEqualTo("'" + formula));
        }
        assertThat(CsvRows.neutralised("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvRows.neutralised("+1")).isEqualTo("'+1");
        assertThat(CsvRows.neutralised("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvRows.neutralised("@SUM(1)")).isEqualTo("'@SUM(1)");
    }

    @Test
    void formulasAfterLeadingBlanksGetALeadingApostropheToo() {
        assertThat(CsvRows.neutralised("  =1+1")).isEqualTo("'  =1+1");
        assertThat(CsvRows.neutralised(" +1")).isEqualTo("' +1");
        assertThat(CsvRows.neutralised("\n-2+3")).isEqualTo("'\n-2+3");
        assertThat(CsvRows.neutralised("\u00a0\u3000@SUM(1)")).isEqualTo("'\u00a0\u3000@SUM(1)");
        assertThat(CsvRows.neutralised(" \t=1")).isEqualTo("' \t=1");
        assertThat(CsvRows.neutralised("\t plain")).isEqualTo("'\t plain");
        assertThat(CsvRows.neutralised("\r plain")).isEqualTo("'\r plain");
    }

    @Test
    void leavesOrdinaryFieldsAlone() {
        assertThat(CsvRows.neutralised("")).isEmpty();
        assertThat(CsvRows.neutralised("2026-11-25")).isEqualTo("2026-11-25");
        assertThat(CsvRows.neutralised("a=b")).isEqualTo("a=b");
        assertThat(CsvRows.neutralised("'quoted")).isEqualTo("'quoted");
        assertThat(CsvRows.neutralised("   ")).isEqualTo("   ");
        assertThat(CsvRows.neutralised("  a = b")).isEqualTo("  a = b");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("incident_started")).doesNotStartWith("'"));
    }
}
