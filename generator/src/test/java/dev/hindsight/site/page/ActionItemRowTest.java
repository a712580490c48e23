package dev.hindsight.site.page;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A template made from an earlier theme still finds the row's words where its data-text read them. */
class ActionItemRowTest {
    @Test
    void searchTextIsTheRowsWordsInLowercase() {
        LinkView incident = new LinkView("INC-2025-10-05-001", "../incidents/INC-2025-10-05-001/index.html");
        ActionItemRow row = new ActionItemRow("INC-2025-10-05-001/A2", "#action-A2", "Add an OOM alert", incident,
                "Collector OOM", new Badge("open", "badge"), "open", 0, new Badge("high", "badge"), "high", 1,
                new LinkView("张三", "owners/张三/index.html"), "张三", "Oct 12, 2025", "2025-10-12", null, "", "no", "",
                "", List.of(new LinkView("Kafka", "k"), new LinkView("OTLP", "o")), "kafka otlp", null);

        assertThat(row.searchText()).isEqualTo("inc-2025-10-05-001/a2 add an oom alert 张三 collector oom kafka otlp");
    }
}
