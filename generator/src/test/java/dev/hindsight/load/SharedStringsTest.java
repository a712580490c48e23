package dev.hindsight.load;

import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports loaded by one loader share the strings they repeat, and lose nothing by it. */
class SharedStringsTest {
    private static final String REPORT = """
            ---
            id: %s
            title: Checkout errors %s
            severity: P2
            started: 2026-03-01T10:00:00Z
            resolved: 2026-03-01T11:00:00Z
            services: [checkout, payments]
            tags: [deploy]
            owner: alice
            participants: [bob]
            actions:
              - id: A1
                description: Add a canary for %s
                owner: carol
                due: 2026-04-01
            ---
            # Checkout errors

            ## Timeline

            | Time | Event | Actor |
            |---|---|---|
            | 2026-03-01 10:00 | Deploy %s | bob |

            ## Root cause

            A bad config.
            """;

    private static Incident parse(ReportParser parser, String id) {
        String text = REPORT.formatted(id, id, id, id);
        return parser.parseText(text, new Diagnostics(id + ".md"), false).orElseThrow().incident();
    }

    @Test
    void repeatedStringsAreOneInstance() {
        ReportParser parser = new ReportParser(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES));
        Incident first = parse(parser, "INC-1");
        Incident second = parse(parser, "INC-2");
        assertThat(second.owner()).isSameAs(first.owner());
        assertThat(second.services().get(0)).isSameAs(first.services().get(0));
        assertThat(second.tags().get(0)).isSameAs(first.tags().get(0));
        assertThat(second.participants().get(0)).isSameAs(first.participants().get(0));
        assertThat(second.actions().get(0).owner()).isSameAs(first.actions().get(0).owner());
        assertThat(second.actions().get(0).id()).isSameAs(first.actions().get(0).id());
        assertThat(second.timeline().get(0).actor()).isSameAs(first.timeline().get(0).actor());
        assertThat(second.source().outline().get(1).title()).isSameAs(first.source().outline().get(1).title());
        assertThat(second.source().outline().get(1).anchor()).isSameAs(first.source().outline().get(1).anchor());
        // an action item names its incident with the incident's own id
        assertThat(second.actions().get(0).incidentId()).isSameAs(second.id());
    }

    @Test
    void sharingChangesNoValue() {
        SharedStrings strings = new SharedStrings();
        ReportParser parser = new ReportParser(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES));
        Incident incident = parse(parser, "INC-3");
        Incident shared = strings.shareIn(incident);
        assertThat(shared).isEqualTo(incident);
        assertThat(shared.actions().get(0).description()).isEqualTo("Add a canary for INC-3");
        assertThat(shared.timeline().get(0).event()).isEqualTo("Deploy INC-3");
    }
}
